import { Module } from '@nestjs/common';
import { SupportCasesModule } from '../support-cases/support-cases.module.js';
import { AuditController } from './audit.controller.js';

/** The audit trail (json, ndjson, csv) and the log's tamper check. */
@Module({ imports: [SupportCasesModule], controllers: [AuditController] })
export class AuditModule {}
