import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { API_PREFIX, configureApp } from './app.setup.js';
import { InvalidConfigurationError, validateEnvironment } from './config/environment.js';

async function bootstrap(): Promise<void> {
  const environment = validateEnvironment(process.env);
  const app = configureApp(await NestFactory.create(AppModule.forRoot(environment), { bufferLogs: true }));
  await app.listen(environment.PORT);
  const url = `http://localhost:${environment.PORT}/${API_PREFIX}`;
  process.stdout.write(`Lägesbild API listening on ${url} — docs at ${url}/docs\n`);
}

bootstrap().catch((error: unknown) => {
  // A bad configuration stops the start with its own clear message, not a stack trace.
  console.error(error instanceof InvalidConfigurationError ? error.message : error);
  process.exit(1);
});
