import { Module } from '@nestjs/common';
import { SupportCasesController } from './support-cases.controller.js';
import { SupportCasesHandler } from './support-cases.handler.js';

/** Support cases: the commands, the case as of a moment with its access log, and the statistics. */
@Module({ controllers: [SupportCasesController], providers: [SupportCasesHandler] })
export class SupportCasesModule {}
