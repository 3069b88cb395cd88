import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { API_PREFIX, configureApp } from './app.setup.js';
import type { Environment } from './config/environment.js';

export interface RunningServer {
  app: INestApplication;
  /** e.g. http://localhost:3000/api/v1 */
  baseUrl: string;
}

/** Starts the api on a validated environment (used by `npm start` and `npm run demo`). */
export async function startServer(environment: Environment): Promise<RunningServer> {
  const app = configureApp(await NestFactory.create(AppModule.forRoot(environment), { bufferLogs: true }));
  await app.listen(environment.PORT);
  // Keep idle connections longer than the clients and proxies in front (60 s is common): a
  // connection the server closes just as a client sends on it is an error at the client.
  const http = app.getHttpServer() as { keepAliveTimeout: number; headersTimeout: number };
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  stopGracefullyOnSignals(app);
  return { app, baseUrl: `http://localhost:${environment.PORT}/${API_PREFIX}` };
}

const GRACE_MS = 10_000;

/**
 * On SIGTERM or SIGINT: stop accepting, finish the requests in flight, flush the appends
 * still queued and close the stores (app.close()), then exit 0 — or 1 if that takes more
 * than 10 s.
 */
function stopGracefullyOnSignals(app: INestApplication): void {
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`${signal}: stopping — finishing requests in flight and flushing the log…\n`);
    const timer = setTimeout(() => {
      process.stderr.write('Shutdown took longer than 10 s; exiting anyway.\n');
      process.exit(1);
    }, GRACE_MS);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
