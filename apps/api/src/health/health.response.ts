import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/** Each check's state by name (`eventStore`, `viewStore`, `projections`): `up` or `down` and what it found. */
const CHECKS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['up', 'down'] } }, additionalProperties: true },
  example: { eventStore: { status: 'up', headPosition: '48213' }, viewStore: { status: 'up', views: 'answering' } },
};

/** The health check when every check is up (when one is down, the answer is a 503 problem with `checks`). */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'], example: 'ok' })
  status!: string;

  @ApiProperty({ ...CHECKS, description: 'the checks that are up' })
  info!: Record<string, unknown>;

  @ApiProperty({ ...CHECKS, example: {}, description: 'the checks that are down' })
  error!: Record<string, unknown>;

  @ApiProperty({ ...CHECKS, description: 'every check' })
  details!: Record<string, unknown>;
}
