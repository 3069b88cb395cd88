import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProjectionsService } from '../views/projections.service.js';
import { errorMessage } from './error-message.js';

@Injectable()
export class ViewStoreHealthIndicator {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Up when the views answer a read through the connection queries use (or are still being opened, at start). */
  async isHealthy(key = 'viewStore') {
    const indicator = this.health.check(key);
    try {
      return indicator.up({ views: await this.projections.probeViews() });
    } catch (error) {
      return indicator.down({ message: errorMessage(error) });
    }
  }
}
