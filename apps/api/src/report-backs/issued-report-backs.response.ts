import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { POSITION, QueryAnswerResponse } from '../http/answer.response.js';

const SHA256 = { pattern: '^[0-9a-f]{64}$', example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' } as const;

/** The log's chain hash at a position: kept outside the log, it is an anchor (`verify --anchor POSITION:HASH`). */
export class LogDigestResponse {
  @ApiProperty(POSITION)
  position!: string;

  @ApiProperty({ ...SHA256, description: "the log's chain hash at that position" })
  hash!: string;
}

export class IssuedReportBackItemResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Delrapport Sociala risker' })
  title!: string;

  @ApiProperty({ example: 'Ku2017/01428/DISK' })
  reference!: string;

  @ApiProperty({ example: '2026-01' })
  from!: string;

  @ApiProperty({ example: '2026-03' })
  to!: string;

  @ApiProperty({ example: '2026-04-20T12:00:00.000Z' })
  issuedAt!: string;

  @ApiPropertyOptional({ example: 'Li Analytiker', description: 'the name of who issued it' })
  issuedBy?: string;

  @ApiPropertyOptional({ type: () => LogDigestResponse, description: 'the log digest the document was made from (none for a document of an empty log)' })
  logDigest?: LogDigestResponse;

  @ApiProperty({ ...SHA256, description: "the PDF's SHA-256" })
  sha256!: string;
}

export class IssuedReportBackListResponse extends QueryAnswerResponse {
  @ApiProperty({ type: () => [IssuedReportBackItemResponse], description: 'oldest first' })
  items!: IssuedReportBackItemResponse[];
}
