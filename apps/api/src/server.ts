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
  return { app, baseUrl: `http://localhost:${environment.PORT}/${API_PREFIX}` };
}
