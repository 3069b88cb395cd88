import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/app.setup.js';
import { validateEnvironment } from '../../apps/api/src/config/environment.js';

export interface TestApp {
  app: INestApplication;
  /** The HTTP server, for supertest. */
  http: ReturnType<INestApplication['getHttpServer']>;
  store: EventStore;
  dataDir: string;
  close(): Promise<void>;
}

/** The real application on a fresh temporary DATA_DIR, as `npm start` would run it. */
export async function startTestApp(environment: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lagesbild-e2e-'));
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(validateEnvironment({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...environment }))],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication({ bufferLogs: true }));
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    store: app.get<EventStore>(EVENT_STORE),
    dataDir,
    close: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
