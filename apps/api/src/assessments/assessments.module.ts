import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module.js';
import { AssessmentsController } from './assessments.controller.js';
import { AssessmentsHandler } from './assessments.handler.js';

/** The county's regional assessment of each period. */
@Module({ imports: [ReferenceModule], controllers: [AssessmentsController], providers: [AssessmentsHandler] })
export class AssessmentsModule {}
