import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type FieldProblem, ValidationError, addMonths, isPeriod, monthsBetween, periodOf, templateItems } from '@lagesbild/domain';
import { readinessOf, trendOf } from '@lagesbild/projections';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ApiQueryAnswer, ApiQueryOneOf } from '../http/answer.response.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { AsOf, type AsOfQuery } from '../http/as-of.js';
import { JsonAnswerInterceptor } from '../http/json-answer.js';
import { TemplateCatalog } from '../reference/template-catalog.js';
import { ProjectionsService } from '../views/projections.service.js';
import { CountyReadinessResponse, MunicipalReadinessResponse, NationalReadinessResponse, TrendsResponse } from './org-unit-views.response.js';

/** The longest series one query answers: fifty years of months. */
const MAX_PERIODS = 600;

@ApiTags('Vyer')
@Controller('org-units/:code')
@UseInterceptors(JsonAnswerInterceptor)
export class OrgUnitViewsController {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly templates: TemplateCatalog,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
  ) {}

  @Get('trends')
  @Access('view:read', { param: 'code' })
  @ApiQuery({ name: 'item', required: false, description: 'en fråga i mallen (nivå, antal eller ja/nej), t.ex. social-risk.level' })
  @ApiQuery({ name: 'area', required: false, description: 'ett område: dess samlade nivå, t.ex. andt' })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM (standard: elva månader före to)' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM (standard: innevarande månad)' })
  @ApiOperation({ summary: 'Tidsserie för en fråga eller ett område: kommunens värden; för län och riket medel, max och varje underenhets värde' })
  @ApiQueryAnswer(TrendsResponse, 404)
  async trends(@Param('code') code: string, @Query() query: Record<string, unknown>, @AsOf() asOf: AsOfQuery) {
    const problems: FieldProblem[] = [];
    const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
    const [item, area] = [text('item'), text('area')];
    const template = await this.templates.current();
    const items = templateItems(template);
    let itemId: string | undefined;
    if ((item === undefined) === (area === undefined)) {
      problems.push({ path: item === undefined ? 'item' : 'area', message: 'give either item or area' });
    } else if (item !== undefined) {
      const known = items.get(item);
      if (!known) problems.push({ path: 'item', message: `unknown item "${item}" in template version ${template.version}` });
      else if (known.type === 'text') problems.push({ path: 'item', message: `"${item}" is a text; trends are for level, count and yes/no items` });
      else itemId = item;
    } else {
      itemId = template.areas.find((a) => a.id === area)?.items.find((i) => i.type === 'level')?.id;
      if (!itemId) problems.push({ path: 'area', message: `unknown area "${area}"; one of ${template.areas.map((a) => a.id).join(', ')}` });
    }
    const to = text('to') ?? periodOf(new Date());
    const from = text('from') ?? addMonths(to, -11);
    if (!isPeriod(from)) problems.push({ path: 'from', message: 'must be a month, YYYY-MM' });
    if (!isPeriod(to)) problems.push({ path: 'to', message: 'must be a month, YYYY-MM' });
    if (isPeriod(from) && isPeriod(to)) {
      if (from > to) problems.push({ path: 'from', message: 'must not be after to' });
      else if (monthsBetween(from, to) > MAX_PERIODS) problems.push({ path: 'from', message: `a series is at most ${MAX_PERIODS} months` });
    }
    if (problems.length > 0) throw new ValidationError('Bad trend query', problems);
    const unit = this.units.get(code)!;
    return this.projections.answer(`trends|${code}|${area ?? ''}|${itemId}|${from}|${to}`, asOf, async (reader) => ({
      orgUnit: code,
      name: unit.name,
      kind: unit.kind,
      item: itemId,
      ...(area !== undefined ? { area } : {}),
      from,
      to,
      series: await trendOf(reader, this.units, code, itemId!, from, to),
    }));
  }

  @Get('readiness')
  @Access('view:read', { param: 'code' })
  @ApiOperation({ summary: 'Beredskap: samordnare, handlingsplan antagen och reviderad — per kommun, län och land' })
  @ApiQueryOneOf([MunicipalReadinessResponse, CountyReadinessResponse, NationalReadinessResponse], 404)
  async readiness(@Param('code') code: string, @AsOf() asOf: AsOfQuery) {
    const unit = this.units.get(code)!;
    return this.projections.answer(`readiness|${code}`, asOf, async (reader) => ({ orgUnit: code, name: unit.name, kind: unit.kind, ...(await readinessOf(reader, this.units, code)) }));
  }
}
