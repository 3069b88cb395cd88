import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, ValidationError } from '@lagesbild/domain';
import type { CommandContext } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { type CommandAnswer, Ctx, answerCommand } from '../http/command-request.js';
import { PublishTemplateCommand } from './template.commands.js';
import { TemplateCatalog } from './template-catalog.js';
import { PublishTemplateDto } from './template.dto.js';

@ApiTags('Referensdata')
@Controller()
export class ReferenceController {
  constructor(
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
    private readonly templates: TemplateCatalog,
    private readonly commands: CommandBus,
  ) {}

  @Get('org-units')
  @Access('reference:read')
  @ApiQuery({ name: 'parent', required: false, description: 'SE, a county or a municipality code' })
  @ApiOperation({ summary: 'Organisationsenheter: län, kommuner, stadsdelar' })
  orgUnits(@Query('parent') parent?: string) {
    if (parent === undefined) return { items: this.units.all() };
    if (typeof parent !== 'string' || !this.units.has(parent)) {
      throw new ValidationError('Unknown parent', [{ path: 'parent', message: `${JSON.stringify(parent)} is not a known org-unit code` }]);
    }
    return { items: this.units.children(parent) };
  }

  @Get('org-units/:code')
  @Access('reference:read')
  orgUnit(@Param('code') code: string) {
    const unit = this.units.get(code);
    if (!unit) throw new NotFoundError('org-unit-not-found', `There is no org unit ${JSON.stringify(code)}`);
    return { ...unit, children: this.units.children(code).map((c) => c.code) };
  }

  @Get('templates')
  @Access('reference:read')
  @ApiOperation({ summary: 'Alla versioner av lägesbildsmallen' })
  async allTemplates() {
    return { items: (await this.templates.versions()).map(({ version, changeNote }) => ({ version, changeNote })) };
  }

  @Get('templates/current')
  @Access('reference:read')
  current() {
    return this.templates.current();
  }

  @Get('templates/:version')
  @Access('reference:read')
  async template(@Param('version', new ParseIntPipe({ exceptionFactory: () => new ValidationError('Bad version', [{ path: 'version', message: 'must be a whole number' }]) })) version: number) {
    const template = await this.templates.version(version);
    if (!template) throw new NotFoundError('template-version-not-found', `There is no template version ${version}`);
    return template;
  }

  @Post('templates')
  @HttpCode(201)
  @Access('template:publish')
  @ApiOperation({ summary: 'Publicera en ny version av mallen (admin)' })
  async publish(@Body() body: PublishTemplateDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<CommandAnswer & { version: number }> {
    const result = await this.commands.execute(new PublishTemplateCommand(body, context));
    return { ...answerCommand(response, 'template', result), version: result.revision + 2 };
  }
}
