import { Module } from '@nestjs/common';
import { SupportRequestsController } from './support-requests.controller.js';
import { SupportRequestsHandler } from './support-requests.handler.js';

/** Support requests: a municipality asks, the county's analysts and support workers answer, both see every step. */
@Module({ controllers: [SupportRequestsController], providers: [SupportRequestsHandler] })
export class SupportRequestsModule {}
