import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/access.decorator.js';
import { EventStoreHealthIndicator } from './event-store.health.js';
import { ProjectionsHealthIndicator } from './projections.health.js';

@ApiTags('Drift')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly projections: ProjectionsHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and readiness: the event store is reachable; projection lag' })
  check() {
    return this.health.check([() => this.eventStore.isHealthy(), () => this.projections.isHealthy()]);
  }
}
