import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { errorMessage } from './error-message.js';

@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Up when the log answers with its head position. */
  async isHealthy(key = 'eventStore') {
    const indicator = this.health.check(key);
    try {
      const head = await this.store.headPosition();
      return indicator.up({ headPosition: head.toString() });
    } catch (error) {
      return indicator.down({ message: errorMessage(error) });
    }
  }
}
