import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { EventStoreModule } from '@lagesbild/event-store';
import { PersonalDataModule } from '@lagesbild/personal-data';
import { ProjectionsModule } from '@lagesbild/projections';
import type { Environment } from './config/environment.js';
import { CqrsModule } from '@nestjs/cqrs';
import { AssessmentsModule } from './assessments/assessments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CountyModule } from './county/county.module.js';
import { DraftsModule } from './drafts/drafts.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { ReportBacksModule } from './report-backs/report-backs.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RisksModule } from './risks/risks.module.js';
import { SituationModule } from './situation/situation.module.js';
import { SupportCasesModule } from './support-cases/support-cases.module.js';
import { SupportRequestsModule } from './support-requests/support-requests.module.js';
import { ViewsModule } from './views/views.module.js';
import { WorkRecordsModule } from './work-records/work-records.module.js';
import { DemoUsersController, SignInConfigController, usesEmbeddedAuth } from './auth/sign-in.controller.js';
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
        CqrsModule.forRoot(),
        ViewsModule,
        HealthModule,
        MetricsModule,
        // The features: each a module of its own, {module, controller, handler, dto, query}.
        ReferenceModule,
        ReportsModule,
        DraftsModule,
        CountyModule,
        AssessmentsModule,
        RisksModule,
        WorkRecordsModule,
        SituationModule,
        SupportCasesModule,
        SupportRequestsModule,
        ReportBacksModule,
        AuditModule,
        NotificationsModule,
      ],
      controllers: [SignInConfigController, ...(usesEmbeddedAuth(environment) ? [DemoUsersController] : [])],
    };
  }
}
