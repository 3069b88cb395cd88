import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { EventStoreModule } from '@lagesbild/event-store';
import { PersonalDataModule } from '@lagesbild/personal-data';
import { ProjectionsModule } from '@lagesbild/projections';
import type { Environment } from './config/environment.js';
import { AuthModule } from './auth/auth.module.js';
import { DemoUsersController, SignInConfigController, usesEmbeddedAuth } from './auth/sign-in.controller.js';
import { DomainModule } from './domain.module.js';
import { HealthModule } from './health/health.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MetricsModule } from './metrics/metrics.module.js';

type Config = ConfigService<Environment, true>;

/**
 * The api's composition root. It takes an already validated environment, so the start-up
 * (from `process.env`) and the e2e tests (a temp DATA_DIR) build the same application.
 */
@Module({})
export class AppModule {
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          skipProcessEnv: true,
          load: [() => ({ ...environment })],
        }),
        LoggingModule,
        EventStoreModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: Config) => ({
            dataDir: config.get('DATA_DIR', { infer: true }),
            eventStoreUrl: config.get('EVENTSTORE_URL', { infer: true }),
          }),
        }),
        ProjectionsModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: Config) => ({
            dataDir: config.get('DATA_DIR', { infer: true }),
            mongoUrl: config.get('MONGODB_URL', { infer: true }),
            eventStoreUrl: config.get('EVENTSTORE_URL', { infer: true }),
          }),
        }),
        PersonalDataModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: Config) => ({ dataDir: config.get('DATA_DIR', { infer: true }), mongoUrl: config.get('MONGODB_URL', { infer: true }) }),
        }),
        AuthModule,
        HealthModule,
        DomainModule,
        MetricsModule,
      ],
      controllers: [SignInConfigController, ...(usesEmbeddedAuth(environment) ? [DemoUsersController] : [])],
    };
  }
}
