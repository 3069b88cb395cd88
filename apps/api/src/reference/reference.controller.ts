import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, ValidationError } from '@lagesbild/domain';
import { type CommandContext, EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { AsOf, type AsOfQuery, resolveAsOf } from '../http/as-of.js';
import { ApiCommandAnswer, ApiQueryAnswer } from '../http/answer.response.js';
import { type CommandAnswer, Ctx, sendCommand } from '../http/command-request.js';
import { AddDistrictDto } from './district.dto.js';
import { ReferenceCommand } from './reference.handler.js';
import { TemplateCatalog } from './template-catalog.js';
import { PublishTemplateDto } from './template.dto.js';
import { OrgUnitDetailResponse, OrgUnitListResponse, PublishedTemplateResponse, TemplateResponse, TemplateVersionListResponse } from './reference.response.js';

@ApiTags('Referensdata')
@Controller()
export class ReferenceController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
    private readonly templates: TemplateCatalog,
    private readonly commands: CommandBus,
  ) {}

  @Get('org-units')
  @Access('reference:read')
  @ApiQuery({ name: 'parent', required: false, description: 'SE, a county or a municipality code' })
  @ApiOperation({ summary: 'Organisationsenheter: län, kommuner, stadsdelar' })
  @ApiQueryAnswer(OrgUnitListResponse)
  async orgUnits(@Query('parent') parent: unknown, @AsOf() asOf: AsOfQuery) {
    if (parent !== undefined && (typeof parent !== 'string' || !this.units.has(parent))) {
      throw new ValidationError('Unknown parent', [{ path: 'parent', message: `${JSON.stringify(parent)} is not a known org-unit code` }]);
    }
    const { meta } = await resolveAsOf(this.store, asOf);
    return { items: parent === undefined ? this.units.all() : this.units.children(parent), meta };
  }

  @Get('org-units/:code')
  @Access('reference:read')
  @ApiQueryAnswer(OrgUnitDetailResponse, 404)
  async orgUnit(@Param('code') code: string, @AsOf() asOf: AsOfQuery) {
    const unit = this.units.get(code);
    if (!unit) throw new NotFoundError('org-unit-not-found', `There is no org unit ${JSON.stringify(code)}`);
    const { meta } = await resolveAsOf(this.store, asOf);
    return { ...unit, children: this.units.children(code).map((c) => c.code), meta };
  }

  @Get('templates')
  @Access('reference:read')
  @ApiOperation({ summary: 'Alla versioner av lägesbildsmallen som var publicerade vid asOf' })
  @ApiQueryAnswer(TemplateVersionListResponse)
  async allTemplates(@AsOf() asOf: AsOfQuery) {
    const { position, meta } = await resolveAsOf(this.store, asOf);
    return { items: (await this.templates.versions(position)).map(({ version, changeNote }) => ({ version, changeNote })), meta };
  }

  @Get('templates/current')
  @Access('reference:read')
  @ApiOperation({ summary: 'Den senaste versionen av mallen vid asOf' })
  @ApiQueryAnswer(TemplateResponse)
  async current(@AsOf() asOf: AsOfQuery) {
    const { position, meta } = await resolveAsOf(this.store, asOf);
    return { ...(await this.templates.current(position)), meta };
  }

  @Get('templates/:version')
  @Access('reference:read')
  @ApiOperation({ summary: 'En version av mallen, om den var publicerad vid asOf' })
  @ApiQueryAnswer(TemplateResponse, 404)
  async template(
    @Param('version', new ParseIntPipe({ exceptionFactory: () => new ValidationError('Bad version', [{ path: 'version', message: 'must be a whole number' }]) })) version: number,
    @AsOf() asOf: AsOfQuery,
  ) {
    const { position, meta } = await resolveAsOf(this.store, asOf);
    const template = await this.templates.version(version, position);
    if (!template) throw new NotFoundError('template-version-not-found', `There is no template version ${version} as of position ${position}`);
    return { ...template, meta };
  }

  @Post('templates')
  @HttpCode(201)
  @Access('template:publish')
  @ApiOperation({ summary: 'Publicera en ny version av mallen (admin)' })
  @ApiCommandAnswer(201, PublishedTemplateResponse)
  async publish(@Body() body: PublishTemplateDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<CommandAnswer & { version: number }> {
    const answer = await sendCommand(this.commands, response, new ReferenceCommand({ ...body, type: 'PublishTemplateVersion' }, context));
    // Version 1 is built in: the stream's first event (revision 0) publishes version 2.
    return { ...answer, version: answer.revision + 2 };
  }

  @Post('org-units/:code/districts')
  @HttpCode(201)
  @Access('district:manage', { param: 'code' })
  @ApiOperation({ summary: 'Lägg till en stadsdel i en stad (admin); den rapporterar sedan som en kommun' })
  @ApiCommandAnswer(201, undefined, 404)
  addDistrict(@Param('code') code: string, @Body() body: AddDistrictDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<CommandAnswer> {
    return sendCommand(this.commands, response, new ReferenceCommand({ ...body, type: 'AddDistrict', municipality: code }, context));
  }
}
