import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';

/** The audit trail (json, ndjson, csv) and the log's tamper check. */
@Module({ controllers: [AuditController] })
export class AuditModule {}
