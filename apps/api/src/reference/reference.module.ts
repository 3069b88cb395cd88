import { Module } from '@nestjs/common';
import { ReferenceController } from './reference.controller.js';
import { ReferenceHandler } from './reference.handler.js';
import { TemplateCatalog } from './template-catalog.js';

/** Org units and the report template's versions; the catalog serves every feature that decides by the template. */
@Module({
  controllers: [ReferenceController],
  providers: [TemplateCatalog, ReferenceHandler],
  exports: [TemplateCatalog],
})
export class ReferenceModule {}
