import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module.js';
import { OrgUnitViewsController } from './org-unit-views.controller.js';
import { SituationController } from './situation.controller.js';

/** The situation of a municipality, a county or the nation for a period; trends and readiness. */
@Module({ imports: [ReferenceModule], controllers: [SituationController, OrgUnitViewsController] })
export class SituationModule {}
