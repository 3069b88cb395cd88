import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { ALL_PROJECTIONS } from './all-projections.js';
import { MongoViewStore } from './mongodb/mongodb-view-store.js';
import type { ProjectionHost } from './projection-host.js';
import { ProjectionRunner } from './projection-runner.js';
import { PROJECTION_HOST, VIEW_STORE } from './projections.tokens.js';
import { SqliteViewStore } from './sqlite/sqlite-view-store.js';
import { ProjectionThread } from './thread/projection-thread.js';
import type { ViewStore } from './view-store.port.js';

export interface ProjectionsSettings {
  /** Where the embedded files live: `views.db`, beside the log's `events.db`. */
  dataDir: string;
  /** When set, the views live in MongoDB. */
  mongoUrl?: string;
  /** When set, the log lives in EventStoreDB. */
  eventStoreUrl?: string;
}

const PROJECTIONS_SETTINGS = Symbol('PROJECTIONS_SETTINGS');

/** Whether the projections run on a thread of their own: with both stores embedded (the default). */
const onThread = (settings: ProjectionsSettings) => !settings.mongoUrl && !settings.eventStoreUrl;

/**
 * The view store the projections write in this process: MongoDB's when configured, else the
 * embedded file; none when they run on their thread (it opens the file itself). MongoDB
 * connects in the background: the runner's first call waits for it, and a failure to connect
 * stops the projections with that error.
 */
function openViewStore(settings: ProjectionsSettings): ViewStore | null {
  if (onThread(settings)) return null;
  if (settings.mongoUrl) return MongoViewStore.open(settings.mongoUrl);
  mkdirSync(settings.dataDir, { recursive: true });
  return new SqliteViewStore(join(settings.dataDir, 'views.db'));
}

/**
 * Every projection, where it runs best: with the embedded stores on a thread of its own, so
 * that applying events never holds up requests; with MongoDB views or EventStoreDB on the
 * event loop (their stores' I/O is asynchronous anyway).
 */
function projectionHost(store: EventStore, settings: ProjectionsSettings, views: ViewStore | null): ProjectionHost {
  if (!views) return new ProjectionThread(store, { eventsFile: join(settings.dataDir, 'events.db'), viewsFile: join(settings.dataDir, 'views.db') });
  return new ProjectionRunner(store, views, ALL_PROJECTIONS, { dropOthers: true });
}

@Injectable()
class ViewStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(VIEW_STORE) private readonly views: ViewStore | null) {}

  /** Closes the views once the application has stopped the projections (`beforeApplicationShutdown`). */
  async onApplicationShutdown(): Promise<void> {
    await this.views?.close();
  }
}

/**
 * The projections as a Nest module: the `ProjectionHost` under `PROJECTION_HOST` and, when they
 * run in this process, their view store under `VIEW_STORE` (closed at shutdown). It needs the
 * event store (`EVENT_STORE`, from `EventStoreModule`). Whoever starts the host stops it.
 */
@Module({})
export class ProjectionsModule {
  static forRootAsync(options: {
    imports?: DynamicModule['imports'];
    inject?: unknown[];
    useFactory: (...args: never[]) => ProjectionsSettings | Promise<ProjectionsSettings>;
  }): DynamicModule {
    return {
      module: ProjectionsModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: PROJECTIONS_SETTINGS, inject: (options.inject ?? []) as never[], useFactory: options.useFactory },
        { provide: VIEW_STORE, inject: [PROJECTIONS_SETTINGS], useFactory: openViewStore },
        { provide: PROJECTION_HOST, inject: [EVENT_STORE, PROJECTIONS_SETTINGS, VIEW_STORE], useFactory: projectionHost },
        ViewStoreCloser,
      ],
      exports: [PROJECTION_HOST, VIEW_STORE],
    };
  }
}
