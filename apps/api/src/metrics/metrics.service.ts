import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { ProjectionsService } from '../views/projections.service.js';

/** Prometheus metrics: the process, HTTP requests, the event log and the projections' lag. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    projections: ProjectionsService,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'lagesbild_' });
    this.requestDuration = new Histogram({
      name: 'lagesbild_http_request_duration_seconds',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    new Gauge({
      name: 'lagesbild_event_log_head_position',
      help: 'Position of the last event in the log',
      registers: [this.registry],
      async collect() {
        this.set(Number(await store.headPosition()));
      },
    });
    const status = () => projections.status();
    // Both lag gauges are collected at once, each scrape: they share one reading of the lag.
    let lagging: ReturnType<ProjectionsService['lag']> | undefined;
    const lag = () =>
      (lagging ??= projections.lag().finally(() => {
        lagging = undefined;
      }));
    new Gauge({
      name: 'lagesbild_projection_position',
      help: 'Last log position each projection has applied',
      labelNames: ['projection'],
      registers: [this.registry],
      collect() {
        for (const p of status().projections) this.set({ projection: `${p.name}@v${p.version}` }, Number(p.position));
      },
    });
    new Gauge({
      name: 'lagesbild_projection_lag_events',
      help: 'How many log positions each projection is behind the head',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        for (const p of (await lag()).projections) this.set({ projection: `${p.name}@v${p.version}` }, Number(p.lag));
      },
    });
    new Gauge({
      name: 'lagesbild_projection_lag_seconds',
      help: 'How long ago the oldest event each projection has not applied was recorded (0 when caught up)',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        for (const p of (await lag()).projections) this.set({ projection: `${p.name}@v${p.version}` }, p.lagSeconds);
      },
    });
    new Gauge({
      name: 'lagesbild_projections_stopped',
      help: '1 while the projections are stopped on an error (they start again after a pause), else 0',
      registers: [this.registry],
      collect() {
        this.set(status().stopped ? 1 : 0);
      },
    });
    if (store.stats) {
      const stats = () => store.stats ?? { commits: 0, appends: 0 };
      new Counter({
        name: 'lagesbild_event_log_commits_total',
        help: 'Transactions that committed appends (group commit: several appends each)',
        registers: [this.registry],
        collect() {
          this.reset();
          this.inc(stats().commits);
        },
      });
      new Counter({
        name: 'lagesbild_event_log_appends_total',
        help: 'Appends acknowledged by the embedded log',
        registers: [this.registry],
        collect() {
          this.reset();
          this.inc(stats().appends);
        },
      });
    }
  }
}
