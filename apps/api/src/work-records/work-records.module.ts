import { Module } from '@nestjs/common';
import { WorkRecordViewsController } from './work-record-views.controller.js';
import { WorkRecordsController } from './work-records.controller.js';
import { WorkRecordsHandler } from './work-records.handler.js';

/** Readiness, activities, time, goals and narrative sections: the commands and their views. */
@Module({ controllers: [WorkRecordsController, WorkRecordViewsController], providers: [WorkRecordsHandler] })
export class WorkRecordsModule {}
