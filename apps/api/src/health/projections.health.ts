import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProjectionsService } from '../views/projections.service.js';

@Injectable()
export class ProjectionsHealthIndicator {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Up, with each projection's position and how many log positions it lags behind. */
  isHealthy(key = 'projections') {
    const { head, projections } = this.projections.status();
    return this.health.check(key).up({
      head: head.toString(),
      projections: projections.map((p) => ({ name: p.name, version: p.version, position: p.position.toString(), lag: (head - p.position).toString() })),
    });
  }
}
