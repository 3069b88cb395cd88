import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/access.decorator.js';
import { ApiProblems } from '../problem/problem.response.js';
import { EventStoreHealthIndicator } from './event-store.health.js';
import { HealthResponse } from './health.response.js';
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
  // Documented here, not by Terminus: a failed check leaves as a 503 problem+json with `checks`, not as Terminus's JSON.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthResponse })
  @ApiProblems(400, 413, 415, 503)
  @ApiOperation({ summary: 'Liveness and readiness: the event store and the view store answer; the projections run, and how far behind they are' })
  check() {
    return this.health.check([() => this.eventStore.isHealthy(), () => this.viewStore.isHealthy(), () => this.projections.isHealthy()]);
  }
}
