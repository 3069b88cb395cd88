import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_KINDS, GOAL_KINDS, GOAL_STATUSES } from '@lagesbild/domain';
import { EVENT_IDS, QueryAnswerResponse } from '../http/answer.response.js';

/** Hours by kind of work. */
const HOURS_BY_KIND = { type: 'object', additionalProperties: { type: 'number' }, example: { analysis: 12.5, training: 4 } } as const;

export class ActivityResponse {
  @ApiProperty({ example: '0b7c4e1a-3f7d-4c1e-9a51-2f1c0d8e6b42' })
  activityId!: string;

  @ApiProperty({ example: '20' })
  county!: string;

  @ApiProperty({ enum: ACTIVITY_KINDS })
  kind!: string;

  @ApiProperty({ example: '2026-03-12' })
  date!: string;

  @ApiProperty({ example: 'Nätverksträff ANDT' })
  title!: string;

  @ApiProperty({ type: [String], example: ['2085'] })
  orgUnits!: string[];

  @ApiProperty({ type: [String], example: ['Polisen'] })
  partners!: string[];

  @ApiPropertyOptional({ type: 'integer', example: 24 })
  participants?: number;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({ example: '2026-03-12T15:00:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ description: 'the event behind it, for lineage' })
  eventId!: string;
}

export class ActivityListResponse extends QueryAnswerResponse {
  @ApiProperty({ type: () => [ActivityResponse] })
  items!: ActivityResponse[];
}

export class TimeSummaryResponse extends QueryAnswerResponse {
  @ApiProperty({ example: '20' })
  orgUnit!: string;

  @ApiProperty({ example: 16.5, description: 'hours' })
  total!: number;

  @ApiProperty({ type: 'integer', example: 3 })
  entries!: number;

  @ApiProperty(HOURS_BY_KIND)
  byKind!: Record<string, number>;

  @ApiProperty({ type: 'object', additionalProperties: HOURS_BY_KIND, example: { '2026-03': { analysis: 12.5 } }, description: 'hours by month, then by kind' })
  byMonth!: Record<string, Record<string, number>>;

  @ApiProperty({ ...HOURS_BY_KIND, example: { '20': 10, '2085': 6.5 }, description: "hours by the unit the work was for (the county's own work under the county's code)" })
  byOrgUnit!: Record<string, number>;

  @ApiProperty({ example: 8.25 })
  hoursPerPersonMonth!: number;
}

export class GoalStatusEntryResponse {
  @ApiProperty({ enum: GOAL_STATUSES })
  status!: string;

  @ApiProperty()
  narrative!: string;

  @ApiProperty({ example: '2026-03-31T12:00:00.000Z' })
  at!: string;
}

export class GoalResponse {
  @ApiProperty({ example: '0b7c4e1a-3f7d-4c1e-9a51-2f1c0d8e6b42' })
  goalId!: string;

  @ApiProperty({ example: '20' })
  orgUnit!: string;

  @ApiProperty({ enum: GOAL_KINDS })
  kind!: string;

  @ApiPropertyOptional({ example: '1.2' })
  number?: string;

  @ApiProperty()
  text!: string;

  @ApiPropertyOptional({ enum: GOAL_STATUSES, description: 'the latest status reported; absent before the first' })
  status?: string;

  @ApiProperty({ type: () => [GoalStatusEntryResponse], description: 'each status reported, the latest last' })
  statusHistory!: GoalStatusEntryResponse[];

  @ApiProperty(EVENT_IDS)
  eventIds!: string[];
}

export class GoalListResponse extends QueryAnswerResponse {
  @ApiProperty({ type: () => [GoalResponse] })
  items!: GoalResponse[];
}
