import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { LocalTokens, type Role } from '@lagesbild/auth';
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
  /** A bearer header for a user with this role and org. */
  as(role: Role, org: string, name?: string): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

const TEST_SECRET = 'e2e-secret-that-is-long-enough-for-hs256-signing';

/** The real application on a fresh temporary DATA_DIR, as `npm start` would run it. */
export async function startTestApp(environment: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lagesbild-e2e-'));
  const moduleRef = await Test.createTestingModule({
    imports: [
      // The reminder pass would write at start: a test that wants it runs it or sets the interval.
      AppModule.forRoot(validateEnvironment({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', AUTH_SECRET: TEST_SECRET, REMINDER_INTERVAL_SECONDS: '0', ...environment })),
    ],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication({ bufferLogs: true }));
  await app.init();
  const tokens = new LocalTokens(environment.AUTH_SECRET ?? TEST_SECRET);
  return {
    app,
    http: app.getHttpServer(),
    store: app.get<EventStore>(EVENT_STORE),
    dataDir,
    as: async (role, org, name = `${role} ${org}`) => ({
      Authorization: `Bearer ${await tokens.mint({ id: `${role}-${org}`, name, roles: [role], org })}`,
    }),
    close: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
