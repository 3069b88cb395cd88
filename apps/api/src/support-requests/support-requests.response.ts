import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import { SUPPORT_REQUEST_STATUSES } from '@lagesbild/domain';
import { QueryAnswerResponse } from '../http/answer.response.js';

const AT = { example: '2026-03-05T10:00:00.000Z' } as const;

/**
 * Where a request came from: a report's support need (its period) or asked for directly.
 * Inline: one of two shapes, told apart by which key it has.
 */
const SOURCE: ApiPropertyOptions = {
  oneOf: [
    { type: 'object', required: ['report'], properties: { report: { type: 'object', required: ['period'], properties: { period: { type: 'string', example: '2026-03' } } } } },
    { type: 'object', required: ['direct'], properties: { direct: { type: 'boolean', enum: [true] } } },
  ],
  example: { report: { period: '2026-03' } },
  description: "a report's support need (its period), or `{direct: true}`",
};

export class AcknowledgementResponse {
  @ApiProperty({ example: 'Vi har tagit emot er begäran och hör av oss inom en vecka.' })
  reply!: string;

  @ApiProperty(AT)
  at!: string;
}

export class ResolutionResponse {
  @ApiProperty({ example: 'Samordnaren har träffat skolan; ett individärende är öppnat.' })
  outcome!: string;

  @ApiPropertyOptional({ description: 'the support case that answered it' })
  supportCaseId?: string;

  @ApiPropertyOptional({ description: 'the activity that answered it' })
  activityId?: string;

  @ApiProperty(AT)
  at!: string;
}

export class DeclineResponse {
  @ApiProperty({ example: 'Frågan ligger utanför länsstyrelsens uppdrag; kontakta polisen.' })
  reason!: string;

  @ApiProperty(AT)
  at!: string;
}

/** A support request with every step's text: what the municipality and the county both see. */
export class SupportRequestResponse {
  @ApiProperty({ example: '0b7c4e1a-3f7d-4c1e-9a51-2f1c0d8e6b42' })
  id!: string;

  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ example: '20' })
  county!: string;

  @ApiProperty({ example: 'Vi behöver stöd i ett ärende om oro för radikalisering på en skola' })
  description!: string;

  @ApiProperty(SOURCE)
  source!: { report: { period: string } } | { direct: true };

  @ApiProperty({ enum: SUPPORT_REQUEST_STATUSES })
  status!: string;

  @ApiProperty(AT)
  openedAt!: string;

  @ApiPropertyOptional({ type: () => AcknowledgementResponse })
  acknowledgement?: AcknowledgementResponse;

  @ApiPropertyOptional({ type: () => ResolutionResponse })
  resolution?: ResolutionResponse;

  @ApiPropertyOptional({ type: () => DeclineResponse })
  decline?: DeclineResponse;
}

export class SupportRequestListResponse extends QueryAnswerResponse {
  @ApiProperty({ example: '20', description: 'the org unit asked for' })
  orgUnit!: string;

  @ApiProperty({ type: () => [SupportRequestResponse], description: 'newest first' })
  items!: SupportRequestResponse[];
}
