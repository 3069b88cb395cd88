import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health.js';
import { ProjectionsHealthIndicator } from './projections.health.js';
import { HealthController } from './health.controller.js';
import { ViewStoreHealthIndicator } from './view-store.health.js';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator, ViewStoreHealthIndicator, ProjectionsHealthIndicator],
})
export class HealthModule {}
