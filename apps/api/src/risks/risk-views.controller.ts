import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@lagesbild/auth';
import { ValidationError } from '@lagesbild/domain';
import { actionList, riskMatrix, riskRegister } from '@lagesbild/projections';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ApiQueryAnswer } from '../http/answer.response.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { CurrentPrincipal } from '../auth/principal.decorator.js';
import { AsOf, type AsOfQuery } from '../http/as-of.js';
import { TemplateCatalog } from '../reference/template-catalog.js';
import { ProjectionsService } from '../views/projections.service.js';
import { ActionListResponse, RiskListResponse, RiskMatrixResponse } from './risks.response.js';

const RISK_STATUSES = ['open', 'closed'];
const ACTION_STATUSES = ['proposed', 'approved', 'rejected', 'started', 'completed', 'cancelled'];

function oneOf(value: unknown, allowed: string[], path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new ValidationError(`Bad ${path}`, [{ path, message: `must be one of ${allowed.join(', ')}` }]);
  }
  return value;
}

@ApiTags('Risker och åtgärder')
@Controller()
export class RiskViewsController {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly templates: TemplateCatalog,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
  ) {}

  @Get('risks')
  @Access('view:read', { query: 'orgUnit' })
  @ApiQuery({ name: 'orgUnit', required: false, description: 'default: your own org; includes the units below it' })
  @ApiQuery({ name: 'area', required: false })
  @ApiQuery({ name: 'status', required: false, enum: RISK_STATUSES })
  @ApiOperation({ summary: 'Riskregistret' })
  @ApiQueryAnswer(RiskListResponse)
  async risks(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>, @AsOf() asOf: AsOfQuery) {
    const status = oneOf(query.status, RISK_STATUSES, 'status');
    // A risk is identified in an area of the template then current: any version's areas may be asked for.
    const areas = [...new Set((await this.templates.versions()).flatMap((t) => t.areas.map((a) => a.id)))];
    const area = oneOf(query.area, areas, 'area');
    const { reader, meta } = await this.projections.asOf(asOf);
    const items = await riskRegister(reader, this.units, (query.orgUnit as string | undefined) ?? principal.org, { area, status });
    return { items, meta };
  }

  @Get('org-units/:code/risk-matrix')
  @Access('view:read', { param: 'code' })
  @ApiOperation({ summary: 'Riskmatrisen 5×5: öppna risker per sannolikhet och konsekvens' })
  @ApiQueryAnswer(RiskMatrixResponse, 404)
  async matrix(@Param('code') code: string, @AsOf() asOf: AsOfQuery) {
    const { reader, meta } = await this.projections.asOf(asOf);
    return { orgUnit: code, ...(await riskMatrix(reader, this.units, code)), meta };
  }

  @Get('actions')
  @Access('view:read', { query: 'orgUnit' })
  @ApiQuery({ name: 'orgUnit', required: false, description: 'default: your own org; includes the units below it' })
  @ApiQuery({ name: 'status', required: false, enum: ACTION_STATUSES })
  @ApiOperation({ summary: 'Åtgärdslistan, försenade markerade' })
  @ApiQueryAnswer(ActionListResponse)
  async actions(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>, @AsOf() asOf: AsOfQuery) {
    const status = oneOf(query.status, ACTION_STATUSES, 'status');
    const { reader, meta } = await this.projections.asOf(asOf);
    const today = meta.asOf.slice(0, 10);
    const items = await actionList(reader, this.units, (query.orgUnit as string | undefined) ?? principal.org, today, { status });
    return { items, meta };
  }
}
