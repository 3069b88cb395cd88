import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_IDS, QueryAnswerResponse } from '../http/answer.response.js';

const ACTION_STATUSES = ['proposed', 'approved', 'rejected', 'started', 'completed', 'cancelled'];
const SCORE = { type: 'integer', minimum: 1, maximum: 5, example: 3 } as const;

export class RiskHistoryResponse {
  @ApiProperty({ example: '2026-02-01T09:00:00.000Z' })
  at!: string;

  @ApiPropertyOptional(SCORE)
  likelihood?: number;

  @ApiPropertyOptional(SCORE)
  consequence?: number;

  @ApiPropertyOptional()
  rationale?: string;

  @ApiPropertyOptional({ description: 'why it was closed' })
  closedBecause?: string;
}

export class RiskResponse {
  @ApiProperty({ example: '0b7c4e1a-3f7d-4c1e-9a51-2f1c0d8e6b42' })
  riskId!: string;

  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ example: 'andt' })
  area!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty(SCORE)
  likelihood!: number;

  @ApiProperty(SCORE)
  consequence!: number;

  @ApiProperty({ enum: ['open', 'closed'] })
  status!: string;

  @ApiProperty({ example: '2026-01-10T09:00:00.000Z' })
  identifiedAt!: string;

  @ApiProperty({ type: () => [RiskHistoryResponse] })
  history!: RiskHistoryResponse[];

  @ApiProperty(EVENT_IDS)
  eventIds!: string[];
}

export class RiskListResponse extends QueryAnswerResponse {
  @ApiProperty({ type: () => [RiskResponse] })
  items!: RiskResponse[];
}

export class RiskMatrixResponse extends QueryAnswerResponse {
  @ApiProperty({ example: '20' })
  orgUnit!: string;

  @ApiProperty({ example: 'likelihood 1–5' })
  rows!: string;

  @ApiProperty({ example: 'consequence 1–5' })
  columns!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' } },
    description: 'open risks by `cells[likelihood-1][consequence-1]`',
    example: [[0, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 2, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 1]],
  })
  cells!: number[][];

  @ApiProperty({ type: 'integer', example: 4 })
  open!: number;

  @ApiProperty(EVENT_IDS)
  eventIds!: string[];
}

export class ActionDecisionResponse {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  decision!: string;

  @ApiProperty()
  rationale!: string;

  @ApiProperty({ example: '2026-02-01T09:00:00.000Z' })
  at!: string;

  @ApiPropertyOptional({ example: 'Li Analytiker' })
  by?: string;
}

export class ActionHistoryResponse {
  @ApiProperty({ example: '2026-02-01T09:00:00.000Z' })
  at!: string;

  @ApiProperty({ enum: ACTION_STATUSES })
  status!: string;

  @ApiPropertyOptional()
  note?: string;
}

export class ActionResponse {
  @ApiProperty({ example: '5d2f0c1e-8a7b-4c3d-9e6f-1a2b3c4d5e6f' })
  actionId!: string;

  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ type: [String] })
  riskIds!: string[];

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ example: 'Samordnare' })
  owner!: string;

  @ApiProperty({ example: '2026-06-30' })
  dueDate!: string;

  @ApiProperty({ enum: ACTION_STATUSES })
  status!: string;

  @ApiPropertyOptional({ type: () => ActionDecisionResponse })
  decision?: ActionDecisionResponse;

  @ApiProperty({ type: () => [ActionHistoryResponse] })
  history!: ActionHistoryResponse[];

  @ApiProperty(EVENT_IDS)
  eventIds!: string[];

  @ApiProperty({ description: 'past due and not finished, as of the answer' })
  overdue!: boolean;
}

export class ActionListResponse extends QueryAnswerResponse {
  @ApiProperty({ type: () => [ActionResponse] })
  items!: ActionResponse[];
}
