import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProjectionsService } from '../views/projections.service.js';

@Injectable()
export class ProjectionsHealthIndicator {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly health: HealthIndicatorService,
  ) {}

  /**
   * Each projection's position and how many log positions it lags behind: up while the
   * projections run; down (the api is not ready) while they are stopped on an error, with
   * that error and when they start again.
   */
  isHealthy(key = 'projections') {
    const { head, projections, stopped } = this.projections.status();
    const details = {
      head: head.toString(),
      projections: projections.map((p) => ({ name: p.name, version: p.version, position: p.position.toString(), lag: (head - p.position).toString() })),
    };
    const indicator = this.health.check(key);
    if (!stopped) return indicator.up(details);
    const error = stopped.error instanceof Error ? stopped.error.message : String(stopped.error);
    return indicator.down({ ...details, stopped: error, restartAt: stopped.restartAt.toISOString() });
  }
}
