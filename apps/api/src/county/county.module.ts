import { Module } from '@nestjs/common';
import { CountyController } from './county.controller.js';
import { CountyHandler } from './county.handler.js';

/** A county's reporting deadline and its approval and reopening of periods. */
@Module({ controllers: [CountyController], providers: [CountyHandler] })
export class CountyModule {}
