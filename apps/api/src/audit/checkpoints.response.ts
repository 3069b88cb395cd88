import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';
import { POSITION, QUERY_PROBLEMS, QueryAnswerResponse } from '../http/answer.response.js';
import { ApiProblems } from '../problem/problem.response.js';

const HASH = { example: '9f2c…e41a', pattern: '^[0-9a-f]{64}$' } as const;

/** A signed statement of the log's chain hash at a position; check it with any Ed25519 tool. */
export class CheckpointResponse {
  @ApiProperty(POSITION)
  position!: string;

  @ApiProperty({ ...HASH, description: "the log's chain hash at that position (SHA-256, hex)" })
  hash!: string;

  @ApiProperty({ example: '2026-03-14T09:30:00.000Z', description: 'when it was signed' })
  at!: string;

  @ApiProperty({ example: 'lagesbild-checkpoint v1\nposition 48213\nhash 9f2c…e41a\nat 2026-03-14T09:30:00.000Z\n', description: 'the exact text signed (UTF-8)' })
  signedText!: string;

  @ApiProperty({ description: 'Ed25519 signature over signedText, base64' })
  signature!: string;
}

export class CheckpointPageResponse extends QueryAnswerResponse {
  @ApiProperty({ type: () => [CheckpointResponse], description: 'oldest first, at most 1000; the next page is after the last position' })
  items!: CheckpointResponse[];
}

/** The checkpoints' public key, as a PEM file. */
export function ApiPublicKey() {
  return applyDecorators(
    ApiResponse({
      status: 200,
      description: 'The Ed25519 public key (SPKI, PEM) that verifies every checkpoint.',
      content: { 'application/x-pem-file': { schema: { type: 'string' }, example: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n' } },
    }),
    ApiProblems(...QUERY_PROBLEMS),
  );
}
