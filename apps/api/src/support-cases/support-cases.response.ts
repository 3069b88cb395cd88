import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFERRAL_TARGETS, SUPPORT_CATEGORIES } from '@lagesbild/domain';
import { POSITION, QueryAnswerResponse } from '../http/answer.response.js';

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' }, example: { other: 2, 'violent-extremism': 1 } } as const;

/** A support case as lists show it: its facts, never its subject's personal data. */
export class SupportCaseSummaryResponse {
  @ApiProperty({ example: '0b7c4e1a-3f7d-4c1e-9a51-2f1c0d8e6b42' })
  caseId!: string;

  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ example: '20' })
  county!: string;

  @ApiProperty({ enum: SUPPORT_CATEGORIES })
  category!: string;

  @ApiProperty({ enum: ['open', 'closed'] })
  status!: string;

  @ApiProperty({ example: '2026-03-02' })
  openedOn!: string;

  @ApiProperty({ type: 'integer', example: 1 })
  consultations!: number;

  @ApiProperty({ type: [String], example: ['cve'] })
  referrals!: string[];

  @ApiPropertyOptional({ example: '2026-04-20', description: 'the day it was closed' })
  closed?: string;

  @ApiProperty({ enum: ['none', 'present', 'erased'] })
  subject!: string;
}

export class SupportCaseListResponse extends QueryAnswerResponse {
  @ApiProperty({ type: () => [SupportCaseSummaryResponse] })
  items!: SupportCaseSummaryResponse[];
}

export class SupportCaseStatisticsResponse extends QueryAnswerResponse {
  @ApiProperty({ example: '20' })
  orgUnit!: string;

  @ApiProperty({ type: 'integer', example: 3 })
  total!: number;

  @ApiProperty({ type: 'integer', example: 2 })
  open!: number;

  @ApiProperty(COUNTS)
  byCategory!: Record<string, number>;

  @ApiProperty({ ...COUNTS, example: { '2085': 3 } })
  byMunicipality!: Record<string, number>;

  @ApiProperty({ ...COUNTS, example: { '2026-03': 3 } })
  byMonth!: Record<string, number>;
}

export class ConsultationResponse {
  @ApiProperty({ example: '2026-03-05' })
  date!: string;

  @ApiPropertyOptional({ description: "for the county's support workers only" })
  summary?: string;
}

export class ReferralResponse {
  @ApiProperty({ enum: REFERRAL_TARGETS })
  to!: string;

  @ApiPropertyOptional({ description: "for the county's support workers only" })
  note?: string;

  @ApiProperty({ example: '2026-03-06' })
  referredOn!: string;
}

/**
 * The subject as the reader may see it: in clear (`name`, …) for the county's support workers,
 * `{withheld: true}` for its analysts, `{erased: true, …}` once the key is destroyed; null when
 * the case has none. Inline, not a $ref: OpenAPI 3.0 cannot make a referenced schema nullable.
 */
const SUBJECT = {
  type: 'object',
  nullable: true,
  properties: {
    name: { type: 'string', example: 'Kim K' },
    personalIdentityNumber: { type: 'string', example: '200001012384' },
    notes: { type: 'string' },
    withheld: { type: 'boolean', enum: [true] },
    erased: { type: 'boolean', enum: [true] },
    erasedAt: { type: 'string', example: '2026-05-01T08:00:00.000Z' },
    legalBasis: { type: 'string' },
  },
} as const;

export class SupportCaseResponse extends QueryAnswerResponse {
  @ApiProperty({ example: '0b7c4e1a-3f7d-4c1e-9a51-2f1c0d8e6b42' })
  id!: string;

  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ example: '20' })
  county!: string;

  @ApiProperty({ enum: SUPPORT_CATEGORIES })
  category!: string;

  @ApiProperty()
  requestedSupport!: string;

  @ApiProperty({ example: '2026-03-02' })
  openedOn!: string;

  @ApiProperty({ enum: ['open', 'closed'] })
  status!: string;

  @ApiProperty({ type: () => [ConsultationResponse] })
  consultations!: ConsultationResponse[];

  @ApiProperty({ type: () => [ReferralResponse] })
  referrals!: ReferralResponse[];

  @ApiPropertyOptional({ description: "how it ended (closed cases; for the county's support workers only)" })
  outcome?: string;

  @ApiPropertyOptional({ enum: [true], description: 'free texts left out for a reader who is not a support worker of the county' })
  textsWithheld?: boolean;

  @ApiProperty({ ...SUBJECT, description: 'null when the case has no subject' })
  subject!: Record<string, unknown> | null;

  @ApiProperty({ type: 'integer', example: 2 })
  revision!: number;
}

export class CaseReaderResponse {
  @ApiPropertyOptional()
  id?: string;

  @ApiPropertyOptional()
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  roles?: string[];

  @ApiPropertyOptional()
  org?: string;
}

export class CaseAccessResponse {
  @ApiProperty({ example: '2026-03-05T10:00:00.000Z' })
  at!: string;

  @ApiProperty(POSITION)
  position!: string;

  @ApiPropertyOptional({ type: () => CaseReaderResponse })
  actor?: CaseReaderResponse;

  @ApiProperty({ enum: ['details', 'access-log'] })
  read!: string;

  @ApiPropertyOptional()
  purpose?: string;
}

export class CaseAccessLogResponse extends QueryAnswerResponse {
  @ApiProperty({ example: '0b7c4e1a-3f7d-4c1e-9a51-2f1c0d8e6b42' })
  id!: string;

  @ApiProperty({ type: () => [CaseAccessResponse] })
  items!: CaseAccessResponse[];
}
