import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AssessmentsController } from './assessments/assessments.controller.js';
import { AuditController } from './audit/audit.controller.js';
import { ReportBacksController } from './report-backs/report-backs.controller.js';
import { PersonalDataService } from './support-cases/personal-data.service.js';
import { SupportCasesController } from './support-cases/support-cases.controller.js';
import { ReportBackService } from './report-backs/report-back.service.js';
import { CountyController } from './county/county.controller.js';
import { DecideCommandHandler } from './http/decide.command.js';
import { ReferenceController } from './reference/reference.controller.js';
import { PublishTemplateHandler } from './reference/template.commands.js';
import { TemplateCatalog } from './reference/template-catalog.js';
import { AmendSituationReportHandler, SubmitSituationReportHandler } from './reports/situation-report.commands.js';
import { SituationReportsController } from './reports/situation-reports.controller.js';
import { RisksController } from './risks/risks.controller.js';
import { WorkRecordsController } from './work-records/work-records.controller.js';
import { ProjectionsService } from './views/projections.service.js';
import { OrgUnitViewsController } from './views/org-unit-views.controller.js';
import { RiskViewsController } from './views/risk-views.controller.js';
import { SituationController } from './views/situation.controller.js';
import { WorkRecordViewsController } from './views/work-record-views.controller.js';

/** The write side over HTTP: controllers map requests to commands; handlers run `handleCommand`. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    ReferenceController,
    SituationReportsController,
    CountyController,
    AssessmentsController,
    RisksController,
    WorkRecordsController,
    SituationController,
    RiskViewsController,
    WorkRecordViewsController,
    OrgUnitViewsController,
    AuditController,
    ReportBacksController,
    SupportCasesController,
  ],
  providers: [
    TemplateCatalog,
    ProjectionsService,
    ReportBackService,
    PersonalDataService,
    DecideCommandHandler,
    PublishTemplateHandler,
    SubmitSituationReportHandler,
    AmendSituationReportHandler,
  ],
  exports: [ProjectionsService],
})
export class DomainModule {}
