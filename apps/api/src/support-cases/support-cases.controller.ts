import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Principal, isAllowed } from '@lagesbild/auth';
import { ValidationError, supportCaseStreamId } from '@lagesbild/domain';
import { type CommandContext, EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { supportCaseStatistics, supportCasesWithin } from '@lagesbild/projections';
import { SUBJECT_VAULT, type SubjectVault } from '@lagesbild/personal-data';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ApiCommandAnswer, ApiQueryAnswer } from '../http/answer.response.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { CurrentPrincipal } from '../auth/principal.decorator.js';
import { AsOf, type AsOfQuery, resolveAsOf } from '../http/as-of.js';
import { Ctx, sendCommand } from '../http/command-request.js';
import { ProjectionsService } from '../views/projections.service.js';
import { ClosureDto, ConsultationDto, ErasureDto, OpenSupportCaseDto, ReferralDto } from './support-cases.dto.js';
import { caseAccessLog, supportCaseAsOf } from './support-case.query.js';
import { SupportCasesCommand } from './support-cases.handler.js';
import { CaseAccessLogResponse, SupportCaseListResponse, SupportCaseResponse, SupportCaseStatisticsResponse } from './support-cases.response.js';

const caseStream = { stream: supportCaseStreamId, idParam: 'id' };

function purposeOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 500) throw new ValidationError('Bad purpose', [{ path: 'purpose', message: 'must be a text of at most 500 characters' }]);
  return value;
}

@ApiTags('Individärenden')
@Controller('support-cases')
export class SupportCasesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SUBJECT_VAULT) private readonly vault: SubjectVault,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
  ) {}

  @Post()
  @Access('support:work', { body: 'municipality' })
  @ApiOperation({ summary: 'Öppna ett individärende på en kommuns begäran; personuppgifterna krypteras med en egen nyckel' })
  @ApiCommandAnswer(201)
  open(@Body() body: OpenSupportCaseDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new SupportCasesCommand({ ...body, type: 'OpenSupportCase' }, context));
  }

  @Post(':id/consultations')
  @Access('support:work', caseStream)
  @ApiOperation({ summary: 'Registrera en konsultation i ärendet' })
  @ApiCommandAnswer(201, undefined, 404)
  consult(@Param('id') id: string, @Body() body: ConsultationDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new SupportCasesCommand({ ...body, type: 'RecordConsultation', caseId: id }, context));
  }

  @Post(':id/referrals')
  @Access('support:work', caseStream)
  @ApiOperation({ summary: 'Hänvisa ärendet vidare (t.ex. till CVE eller en avhopparverksamhet)' })
  @ApiCommandAnswer(201, undefined, 404)
  refer(@Param('id') id: string, @Body() body: ReferralDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new SupportCasesCommand({ ...body, type: 'ReferSupportCase', caseId: id }, context));
  }

  @Post(':id/closure')
  @Access('support:work', caseStream)
  @ApiOperation({ summary: 'Avsluta ärendet' })
  @ApiCommandAnswer(201, undefined, 404)
  close(@Param('id') id: string, @Body() body: ClosureDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new SupportCasesCommand({ ...body, type: 'CloseSupportCase', caseId: id }, context));
  }

  @Post(':id/subject/erasure')
  @HttpCode(200)
  @Access('support:work', caseStream)
  @ApiOperation({ summary: 'Radera den enskildes personuppgifter för gott: nyckeln förstörs, ärendets övriga uppgifter finns kvar' })
  @ApiCommandAnswer(200, undefined, 404)
  erase(@Param('id') id: string, @Body() body: ErasureDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new SupportCasesCommand({ ...body, type: 'EraseSubject', caseId: id }, context));
  }

  @Get('statistics')
  @Access('view:read', { query: 'orgUnit' })
  @ApiQuery({ name: 'orgUnit', required: false, description: 'ett län, en kommun eller SE (standard: din egen)' })
  @ApiOperation({ summary: 'Antal ärenden per kategori, kommun och månad — aldrig personuppgifter' })
  @ApiQueryAnswer(SupportCaseStatisticsResponse)
  async statistics(@CurrentPrincipal() principal: Principal, @Query('orgUnit') orgUnit: string | undefined, @AsOf() asOf: AsOfQuery) {
    const { reader, meta } = await this.projections.asOf(asOf);
    const code = orgUnit ?? principal.org;
    return { orgUnit: code, ...(await supportCaseStatistics(reader, this.units, code)), meta };
  }

  @Get()
  @Access('support:read', { query: 'municipality' })
  @ApiQuery({ name: 'municipality', required: false, description: 'standard: hela länet' })
  @ApiOperation({ summary: 'Länets ärenden (utan personuppgifter)' })
  @ApiQueryAnswer(SupportCaseListResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query('municipality') municipality: string | undefined, @AsOf() asOf: AsOfQuery) {
    const { reader, meta } = await this.projections.asOf(asOf);
    const cases = await supportCasesWithin(reader, this.units, municipality ?? principal.org);
    return { items: cases.map(({ eventIds: _lineage, ...c }) => c), meta };
  }

  @Get(':id')
  @Access('support:read', caseStream)
  @ApiQuery({ name: 'purpose', required: false, description: 'varför ärendet läses (loggas)' })
  @ApiOperation({ summary: 'Ärendet, som det var känt vid asOf; den enskildes uppgifter bara för handläggare (varje läsning loggas)' })
  @ApiQueryAnswer(SupportCaseResponse, 404, 409, 412, 422)
  async details(
    @Param('id') id: string,
    @Query('purpose') purpose: unknown,
    @AsOf() asOf: AsOfQuery,
    @CurrentPrincipal() principal: Principal,
    @Ctx() context: CommandContext,
  ) {
    await this.recordAccess(id, 'details', purposeOf(purpose), context);
    const { position, meta } = await resolveAsOf(this.store, asOf);
    const isWorker = (orgUnit: string) => isAllowed(principal, 'support:work', orgUnit, this.units);
    return { ...(await supportCaseAsOf(this.store, this.vault, id, position, isWorker)), meta };
  }

  @Get(':id/access-log')
  @Access('support:work', caseStream)
  @ApiOperation({ summary: 'Vem har läst ärendet, när och varför, till och med asOf (även denna läsning loggas)' })
  @ApiQueryAnswer(CaseAccessLogResponse, 404, 409, 412, 422)
  async accessLog(@Param('id') id: string, @Query('purpose') purpose: unknown, @AsOf() asOf: AsOfQuery, @Ctx() context: CommandContext) {
    await this.recordAccess(id, 'access-log', purposeOf(purpose), context);
    const { position, meta } = await resolveAsOf(this.store, asOf);
    return { id, items: await caseAccessLog(this.store, id, position), meta };
  }

  private recordAccess(caseId: string, read: 'details' | 'access-log', purpose: string | undefined, context: CommandContext) {
    return this.commands.execute(new SupportCasesCommand({ type: 'RecordCaseAccess', caseId, read, ...(purpose ? { purpose } : {}) }, context));
  }
}
