import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TRENDS } from '@lagesbild/domain';
import { POSITION, QueryAnswerResponse } from '../http/answer.response.js';

/** An answer's value: a level or a count (a number), yes/no, or a text — as its item's type says. */
export const ANSWER_VALUE = { anyOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string' }], example: 2 };

export class AnswerResponse {
  @ApiProperty({ example: 'social-risk.level' })
  item!: string;

  @ApiProperty(ANSWER_VALUE)
  value!: number | boolean | string;

  @ApiPropertyOptional({ enum: TRENDS })
  trend?: string;

  @ApiPropertyOptional()
  comment?: string;

  @ApiPropertyOptional({ type: [String] })
  sources?: string[];
}

export class ActorRefResponse {
  @ApiProperty({ example: 'anna' })
  id!: string;

  @ApiProperty({ example: 'Anna A' })
  name!: string;
}

export class ReportRevisionResponse {
  @ApiProperty({ type: 'integer', example: 0 })
  revision!: number;

  @ApiProperty(POSITION)
  position!: string;

  @ApiProperty({ example: '2026-04-03T08:12:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ enum: ['submitted', 'amended'] })
  type!: string;

  @ApiProperty({ type: () => ActorRefResponse })
  by!: ActorRefResponse;

  @ApiPropertyOptional({ description: 'why it was amended' })
  reason?: string;

  @ApiProperty({ type: () => [AnswerResponse], description: 'the answers this revision gave' })
  answers!: AnswerResponse[];
}

export class SupportNeedResponse {
  @ApiProperty()
  needed!: boolean;

  @ApiPropertyOptional()
  description?: string;
}

export class SituationReportResponse extends QueryAnswerResponse {
  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ example: '2026-03' })
  period!: string;

  @ApiProperty({ type: 'integer', example: 1 })
  templateVersion!: number;

  @ApiProperty({ example: '2026-04-03T08:12:00.000Z' })
  submittedAt!: string;

  @ApiProperty({ example: '2026-04-10T23:59:59.999Z', description: 'when the report was due (ISO 8601)' })
  deadline!: string;

  @ApiProperty()
  late!: boolean;

  @ApiProperty({ type: [String] })
  sources!: string[];

  @ApiPropertyOptional()
  summary?: string;

  @ApiPropertyOptional({ type: () => SupportNeedResponse })
  supportNeeded?: SupportNeedResponse;

  @ApiProperty({ type: () => [AnswerResponse], description: 'each item as it stands with every amendment folded in' })
  answers!: AnswerResponse[];

  @ApiProperty({ type: 'integer', example: 1 })
  revision!: number;

  @ApiProperty({ type: () => [ReportRevisionResponse], description: 'who changed it, when and why' })
  revisions!: ReportRevisionResponse[];
}
