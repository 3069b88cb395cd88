import { Module } from '@nestjs/common';
import { DistrictCatalog } from './district-catalog.js';
import { ReferenceController } from './reference.controller.js';
import { ReferenceHandler } from './reference.handler.js';
import { TemplateCatalog } from './template-catalog.js';

/** Org units (with the districts the admin adds) and the report template's versions; the template catalog serves every feature that decides by the template. */
@Module({
  controllers: [ReferenceController],
  providers: [TemplateCatalog, DistrictCatalog, ReferenceHandler],
  exports: [TemplateCatalog],
})
export class ReferenceModule {}
