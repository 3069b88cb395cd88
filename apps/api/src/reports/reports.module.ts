import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module.js';
import { ReportsHandler } from './reports.handler.js';
import { SituationReportsController } from './situation-reports.controller.js';

/** Municipalities' and districts' monthly reports: submit, amend, read as of a moment. */
@Module({
  imports: [ReferenceModule],
  controllers: [SituationReportsController],
  providers: [ReportsHandler],
})
export class ReportsModule {}
