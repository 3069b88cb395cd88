import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/access.decorator.js';
import { EventStoreHealthIndicator } from './event-store.health.js';
import { ProjectionsHealthIndicator } from './projections.health.js';
import { ViewStoreHealthIndicator } from './view-store.health.js';

@ApiTags('Drift')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly viewStore: ViewStoreHealthIndicator,
    private readonly projections: ProjectionsHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and readiness: the event store and the view store answer; the projections run, and how far behind they are' })
  check() {
    return this.health.check([() => this.eventStore.isHealthy(), () => this.viewStore.isHealthy(), () => this.projections.isHealthy()]);
  }
}
