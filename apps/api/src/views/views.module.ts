import { Global, Module } from '@nestjs/common';
import { ProjectionsService } from './projections.service.js';

/** The projections and reads of their views, for every feature that queries them. */
@Global()
@Module({ providers: [ProjectionsService], exports: [ProjectionsService] })
export class ViewsModule {}
