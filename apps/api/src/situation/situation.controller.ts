import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { assertPeriod, situationReportStreamId } from '@lagesbild/domain';
import { EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { countySituation, districtsPicture, loopBackTo, municipalitySituation, nationalSituation, reportSummaryOf } from '@lagesbild/projections';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ApiQueryOneOf } from '../http/answer.response.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { AsOf, type AsOfQuery } from '../http/as-of.js';
import { JsonAnswerInterceptor } from '../http/json-answer.js';
import { reportAsOf } from '../reports/situation-report.query.js';
import { TemplateCatalog } from '../reference/template-catalog.js';
import { ProjectionsService } from '../views/projections.service.js';
import { CountySituationResponse, MunicipalSituationResponse, NationalSituationResponse } from './situation.response.js';

@ApiTags('Vyer')
@Controller('org-units/:code/situation')
@UseInterceptors(JsonAnswerInterceptor)
export class SituationController {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly templates: TemplateCatalog,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Access('view:read', { param: 'code' })
  @ApiQuery({ name: 'period', description: 'YYYY-MM' })
  @ApiOperation({ summary: 'Lägesbilden för en period: kommunens svar, länets sammanställning eller landets' })
  @ApiQueryOneOf([MunicipalSituationResponse, CountySituationResponse, NationalSituationResponse], 404)
  async situation(@Param('code') code: string, @Query('period') query: unknown, @AsOf() asOf: AsOfQuery) {
    const period = typeof query === 'string' ? query : '';
    assertPeriod(period);
    const template = await this.templates.current();
    const unit = this.units.get(code)!;
    const base = { orgUnit: code, name: unit.name, kind: unit.kind, period };
    // A district added later changes a city's answer without changing a row it read: its count is part of the question.
    const districts = this.units.children(code).length;
    return this.projections.answer(`situation|${code}|${period}|${template.version}|${districts}`, asOf, async (reader, position) => {
      switch (unit.kind) {
        case 'municipality':
        case 'district': {
          // The report's summary says whether it was in by then, and changes with each amendment
          // (a remembered answer is forgotten with it); the answers themselves are in its stream.
          const summary = await reportSummaryOf(reader, code, period);
          const report = summary && (await reportAsOf(this.store, situationReportStreamId(code, period), position));
          const answered = (report && (await this.templates.version(report.templateVersion))) || template;
          // The loop back: what the county said to this unit, and the county's picture without other names.
          const [loopBack, districts] = await Promise.all([loopBackTo(reader, this.units, code, period, template), districtsPicture(reader, this.units, code, period, template)]);
          return { ...base, ...municipalitySituation(report, answered), ...loopBack, ...(districts ? { districts } : {}) };
        }
        case 'county':
          return { ...base, ...(await countySituation(reader, this.units, code, period, template)) };
        case 'nation':
          return { ...base, ...(await nationalSituation(reader, this.units, period, template)) };
      }
    });
  }
}
