import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProjectionsService } from '../views/projections.service.js';
import { errorMessage } from './error-message.js';

@Injectable()
export class ProjectionsHealthIndicator {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly health: HealthIndicatorService,
  ) {}

  /**
   * Each projection's position and lag (log positions, and seconds since the oldest event it
   * has not applied was recorded): up while the projections run; down (the api is not ready)
   * while they are stopped on an error, with that error and when they start again.
   */
  async isHealthy(key = 'projections') {
    const { head, projections, stopped } = await this.projections.lag();
    const details = {
      head: head.toString(),
      projections: projections.map((p) => ({ name: p.name, version: p.version, position: p.position.toString(), lag: p.lag.toString(), lagSeconds: p.lagSeconds })),
    };
    const indicator = this.health.check(key);
    if (!stopped) return indicator.up(details);
    const error = errorMessage(stopped.error);
    return indicator.down({ ...details, stopped: error, restartAt: stopped.restartAt.toISOString() });
  }
}
