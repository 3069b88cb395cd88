import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { POSITION, QUERY_PROBLEMS, QueryAnswerResponse } from '../http/answer.response.js';
import { ApiProblems } from '../problem/problem.response.js';
import { ActorRefResponse, AnswerResponse, SupportNeedResponse } from '../reports/situation-report.response.js';

const AT = { example: '2026-03-05T10:00:00.000Z' } as const;

/** An item's latest value in the draft, with who saved it last and when. */
export class DraftAnswerResponse extends AnswerResponse {
  @ApiProperty(AT)
  savedAt!: string;

  @ApiProperty({ type: () => ActorRefResponse })
  savedBy!: ActorRefResponse;
}

export class DraftSaveResponse {
  @ApiProperty(AT)
  at!: string;

  @ApiProperty({ type: () => ActorRefResponse })
  by!: ActorRefResponse;

  @ApiProperty(POSITION)
  position!: string;

  @ApiProperty({ type: [String], example: ['social-risk.level'], description: 'the items this save gave' })
  items!: string[];
}

export class DraftResponse extends QueryAnswerResponse {
  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ example: '2026-03' })
  period!: string;

  @ApiProperty({ enum: ['open', 'closed'], description: 'closed once the period’s report is in' })
  status!: string;

  @ApiPropertyOptional({ ...AT, description: 'when the report closed it' })
  closedAt?: string;

  @ApiProperty({ type: 'integer', example: 1, description: 'the template version the last save answered' })
  templateVersion!: number;

  @ApiProperty({ type: () => [DraftAnswerResponse], description: 'each item’s latest value' })
  answers!: DraftAnswerResponse[];

  @ApiPropertyOptional({ type: [String] })
  sources?: string[];

  @ApiPropertyOptional()
  summary?: string;

  @ApiPropertyOptional({ type: () => SupportNeedResponse })
  supportNeeded?: SupportNeedResponse;

  @ApiProperty({ type: () => [DraftSaveResponse], description: 'every save, oldest first' })
  saves!: DraftSaveResponse[];

  @ApiProperty({ type: 'integer', example: 1 })
  revision!: number;
}

/** The draft as of the moment asked for, with its revision as `ETag`, and the problems of a query that names one (404). */
export function ApiDraftAnswer() {
  return applyDecorators(
    ApiResponse({
      status: 200,
      type: DraftResponse,
      headers: { ETag: { description: 'the draft’s revision, `"<revision>"`', schema: { type: 'string', example: '"1"' } } },
      description: 'The draft as of the moment asked for (default: now).',
    }),
    ApiProblems(...QUERY_PROBLEMS, 404),
  );
}
