import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module.js';
import { DraftsController } from './drafts.controller.js';
import { DraftsHandler } from './drafts.handler.js';

/** Drafts: a report saved in parts before it is submitted; no view counts one. */
@Module({ imports: [ReferenceModule], controllers: [DraftsController], providers: [DraftsHandler] })
export class DraftsModule {}
