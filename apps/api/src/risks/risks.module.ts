import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module.js';
import { RiskViewsController } from './risk-views.controller.js';
import { RisksController } from './risks.controller.js';
import { RisksHandler } from './risks.handler.js';

/** Risk analysis and action decisions: the commands, the register, the 5×5 matrix and the action list. */
@Module({ imports: [ReferenceModule], controllers: [RisksController, RiskViewsController], providers: [RisksHandler] })
export class RisksModule {}
