import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { POSITION, QUERY_PROBLEMS, QueryAnswerResponse } from '../http/answer.response.js';
import { ApiProblems } from '../problem/problem.response.js';

export class AuditActorResponse {
  @ApiPropertyOptional({ example: 'anna' })
  id?: string;

  @ApiPropertyOptional({ example: 'Anna A' })
  name?: string;

  @ApiPropertyOptional({ type: [String], example: ['county_analyst'] })
  roles?: string[];

  @ApiPropertyOptional({ example: '20' })
  org?: string;
}

/** One event of the trail: who did what, where, when and why. */
export class AuditEntryResponse {
  @ApiProperty(POSITION)
  position!: string;

  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' })
  recordedAt!: string;

  @ApiProperty()
  eventId!: string;

  @ApiProperty({ example: 'situation-report-2085-2026-03' })
  streamId!: string;

  @ApiProperty({ type: 'integer', example: 0 })
  revision!: number;

  @ApiProperty({ example: 'SituationReportSubmitted' })
  type!: string;

  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ type: () => AuditActorResponse })
  actor!: AuditActorResponse;

  @ApiPropertyOptional()
  reason?: string;

  @ApiPropertyOptional()
  correlationId?: string;

  @ApiPropertyOptional()
  causationId?: string;

  @ApiPropertyOptional()
  idempotencyKey?: string;

  @ApiPropertyOptional()
  simulated?: boolean;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "the event's data (personal data shown as encrypted or erased; withheld from readers without access to support cases)" })
  data!: unknown;
}

export class AuditPageResponse extends QueryAnswerResponse {
  @ApiProperty({ type: () => [AuditEntryResponse] })
  items!: AuditEntryResponse[];

  @ApiProperty({ ...POSITION, nullable: true, description: 'where the next page starts (`after=`); null at the end of the trail' })
  next!: string | null;

  @ApiProperty({ type: 'integer', example: 120, description: 'how many events were read for this page' })
  scanned!: number;
}

export class VerificationResponse extends QueryAnswerResponse {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ type: 'integer', example: 48213, description: 'how many events were checked' })
  checked!: number;

  @ApiPropertyOptional({ ...POSITION, description: 'the first position whose event is missing, altered or out of order' })
  firstBrokenPosition?: string;

  @ApiPropertyOptional({ description: 'what is wrong there' })
  reason?: string;
}

const text = (description: string) => ({ description, schema: { type: 'string' } });

/** The trail as JSON, NDJSON (one entry a line) or CSV (one entry a row), by `format`. */
export function ApiAuditPage() {
  return applyDecorators(
    ApiExtraModels(AuditPageResponse),
    ApiResponse({
      status: 200,
      description: 'A page of the trail as of the moment asked for.',
      headers: {
        'X-Next-After': text('where the next page starts, when there is one'),
        'X-As-Of': text('the moment the page reflects'),
        'X-As-Of-Position': text('the log position the page reflects'),
      },
      content: {
        'application/json': { schema: { $ref: getSchemaPath(AuditPageResponse) } },
        'application/x-ndjson': { schema: { type: 'string' }, example: '{"position":"1","type":"RiskIdentified",…}\n' },
        'text/csv': { schema: { type: 'string' }, example: 'position,recordedAt,type,…\n' },
      },
    }),
    ApiProblems(...QUERY_PROBLEMS),
  );
}
