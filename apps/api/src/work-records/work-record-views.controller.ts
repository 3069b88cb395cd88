import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@lagesbild/auth';
import { ValidationError } from '@lagesbild/domain';
import { activitiesOf, goalsOf, timeSummary } from '@lagesbild/projections';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ApiQueryAnswer } from '../http/answer.response.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { CurrentPrincipal } from '../auth/principal.decorator.js';
import { AsOf, type AsOfQuery } from '../http/as-of.js';
import { codesWithin, requireCounty } from '../http/org-unit-checks.js';
import { ProjectionsService } from '../views/projections.service.js';
import { ActivityListResponse, GoalListResponse, TimeSummaryResponse } from './work-records.response.js';

/** `from`/`to` of a work-record query: a date or a month, else 400 naming it. */
function dateBound(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])(-\d\d)?$/.test(value)) {
    throw new ValidationError(`Bad ${path}`, [{ path, message: 'must be a date (YYYY-MM-DD) or a month (YYYY-MM)' }]);
  }
  return value;
}

/** A work-record query's span: `from` and `to`, each optional, `from` not after `to` (a month counts as its first day), else 400 naming it. */
function dateRange(query: Record<string, unknown>): [from: string | undefined, to: string | undefined] {
  const [from, to] = [dateBound(query.from, 'from'), dateBound(query.to, 'to')];
  if (from !== undefined && to !== undefined && from.slice(0, to.length) > to) {
    throw new ValidationError('Bad from', [{ path: 'from', message: 'must not be after to' }]);
  }
  return [from, to];
}

@ApiTags('Arbete')
@Controller()
export class WorkRecordViewsController {
  constructor(
    private readonly projections: ProjectionsService,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
  ) {}

  /** The counties whose records answer for an org unit: the nation's 21, or the one it lies in. */
  private countiesFor(orgUnit: string): string[] {
    if (this.units.get(orgUnit)?.kind === 'nation') return this.units.children(orgUnit).map((c) => c.code);
    const county = this.units.countyOf(orgUnit);
    if (!county) throw new ValidationError('No county', [{ path: 'orgUnit', message: `${orgUnit} lies in no county` }]);
    return [county.code];
  }

  @Get('activities')
  @Access('view:read', { query: 'orgUnit' })
  @ApiQuery({ name: 'orgUnit', required: false })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiOperation({ summary: 'Aktiviteter i länet, de som rör en kommun, eller hela landets' })
  @ApiQueryAnswer(ActivityListResponse)
  async activities(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>, @AsOf() asOf: AsOfQuery) {
    const orgUnit = (query.orgUnit as string | undefined) ?? principal.org;
    const [from, to] = dateRange(query);
    const counties = this.countiesFor(orgUnit);
    const nation = counties.length > 1;
    const { reader, meta } = await this.projections.asOf(asOf);
    // The nation: every county's activities; a county or a unit in it: those that concern it.
    const items = await Promise.all(counties.map((county) => activitiesOf(reader, county, nation ? county : orgUnit, from, to)));
    return { items: items.flat(), meta };
  }

  @Get('time-entries/summary')
  @Access('view:read', { query: 'orgUnit' })
  @ApiQuery({ name: 'orgUnit', required: false, description: 'a county, or SE for the whole nation' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiOperation({ summary: 'Tidsåtgång per arbetsslag och månad' })
  @ApiQueryAnswer(TimeSummaryResponse)
  async time(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>, @AsOf() asOf: AsOfQuery) {
    const orgUnit = (query.orgUnit as string | undefined) ?? principal.org;
    if (this.units.get(orgUnit)?.kind !== 'nation') requireCounty(this.units, orgUnit, 'orgUnit');
    const [from, to] = dateRange(query);
    const counties = this.countiesFor(orgUnit);
    const { reader, meta } = await this.projections.asOf(asOf);
    const { eventIdsByMonth: _lineage, eventIdsByOrgUnit: _lineageByUnit, ...summary } = await timeSummary(reader, counties, from, to);
    return { orgUnit, ...summary, meta };
  }

  @Get('goals')
  @Access('view:read', { query: 'orgUnit' })
  @ApiQuery({ name: 'orgUnit', required: false, description: 'default: your own org; includes the units below it' })
  @ApiOperation({ summary: 'Mål och indikatorer med statushistorik' })
  @ApiQueryAnswer(GoalListResponse)
  async goals(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>, @AsOf() asOf: AsOfQuery) {
    const codes = codesWithin(this.units, (query.orgUnit as string | undefined) ?? principal.org);
    const { reader, meta } = await this.projections.asOf(asOf);
    const goals = await Promise.all(codes.map((code) => goalsOf(reader, code)));
    return { items: goals.flat(), meta };
  }
}
