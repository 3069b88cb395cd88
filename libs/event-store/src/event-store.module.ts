import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from './clock.js';
import type { EventStore } from './event-store.port.js';
import { EVENT_STORE } from './event-store.tokens.js';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

export interface EventStoreSettings {
  /** Where the embedded log lives (`<dataDir>/events.db`). */
  dataDir: string;
  /** When set, events go to EventStoreDB instead. */
  eventStoreUrl?: string;
  clock?: Clock;
  /**
   * Only reads (a rebuild): an existing embedded log opens without the thread that writes it.
   * A log that does not exist yet is made as usual.
   */
  readOnly?: boolean;
}

/** Opens the configured adapter: EventStoreDB when a URL is given, else the embedded log. */
export function openEventStore(settings: EventStoreSettings): EventStore {
  if (settings.eventStoreUrl) return EventStoreDbEventStore.connect(settings.eventStoreUrl, settings.clock);
  mkdirSync(settings.dataDir, { recursive: true });
  const file = join(settings.dataDir, 'events.db');
  return new SqliteEventStore({ file, clock: settings.clock, readOnly: settings.readOnly && existsSync(file) });
}

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Flushes appends still queued and closes the log when the application stops. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class EventStoreModule {
  static forRootAsync(options: {
    imports?: DynamicModule['imports'];
    inject?: unknown[];
    useFactory: (...args: never[]) => EventStoreSettings | Promise<EventStoreSettings>;
  }): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: EVENT_STORE,
          inject: (options.inject ?? []) as never[],
          useFactory: async (...args: never[]) => openEventStore(await options.useFactory(...args)),
        },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE],
    };
  }
}
