import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { CheckpointService } from './checkpoint.service.js';
import { CheckpointsController } from './checkpoints.controller.js';

/** The audit trail (json, ndjson, csv), the log's tamper check, and its signed checkpoints. */
@Module({ controllers: [AuditController, CheckpointsController], providers: [CheckpointService], exports: [CheckpointService] })
export class AuditModule {}
