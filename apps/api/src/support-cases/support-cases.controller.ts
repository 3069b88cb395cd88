import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Principal, isAllowed } from '@lagesbild/auth';
import {
  type CaseAccessEvent,
  NotFoundError,
  type SupportCaseEvent,
  ValidationError,
  caseAccessDecider,
  supportCaseAccessStreamId,
  supportCaseDecider,
  supportCaseStreamId,
  swedishDate,
} from '@lagesbild/domain';
import { type CommandContext, EVENT_STORE, type EventStore, handleCommand, uuidFrom } from '@lagesbild/event-store';
import { supportCaseStatistics, supportCasesWithin } from '@lagesbild/projections';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { CurrentPrincipal } from '../auth/principal.decorator.js';
import { AsOf, type AsOfQuery, resolveAsOf } from '../http/as-of.js';
import { Ctx, sendCommand } from '../http/command-request.js';
import { DecideCommand } from '../http/decide.command.js';
import { newAggregateId } from '../http/new-id.js';
import { ProjectionsService } from '../views/projections.service.js';
import { ClosureDto, ConsultationDto, ErasureDto, OpenSupportCaseDto, ReferralDto } from './support-cases.dto.js';
import { PersonalDataService } from './personal-data.service.js';

const caseStream = { stream: supportCaseStreamId, idParam: 'id' };

function purposeOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 500) throw new ValidationError('Bad purpose', [{ path: 'purpose', message: 'must be a text of at most 500 characters' }]);
  return value;
}

/** A support case's event as read back from its stream. */
type CaseEvent = SupportCaseEvent & { recordedAt: string; revision: number; position: bigint };

@ApiTags('Individärenden')
@Controller('support-cases')
export class SupportCasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly personalData: PersonalDataService,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
  ) {}

  @Post()
  @Access('support:work', { body: 'municipality' })
  @ApiOperation({ summary: 'Öppna ett individärende på en kommuns begäran; personuppgifterna krypteras med en egen nyckel' })
  async open(@Body() body: OpenSupportCaseDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const municipality = this.units.get(body.municipality);
    if (municipality?.kind !== 'municipality') throw new ValidationError('Not a municipality', [{ path: 'municipality', message: `${body.municipality} is not a municipality` }]);
    const caseId = newAggregateId(context, 'support-case');
    const subjectId = uuidFrom(`subject\u0000${caseId}`);
    const subject = body.subject
      ? {
          subjectId,
          sealed: await this.personalData.vault.seal(subjectId, {
            name: body.subject.name,
            ...(body.subject.personalIdentityNumber ? { personalIdentityNumber: body.subject.personalIdentityNumber } : {}),
            ...(body.subject.notes ? { notes: body.subject.notes } : {}),
          }),
        }
      : undefined;
    const command = {
      type: 'OpenSupportCase' as const,
      caseId,
      orgUnit: municipality.code,
      county: municipality.parent!,
      category: body.category,
      requestedSupport: body.requestedSupport,
      ...(subject ? { subject } : {}),
      today: swedishDate(new Date()),
    };
    try {
      return await sendCommand(this.commands, response, new DecideCommand(supportCaseDecider, supportCaseStreamId(caseId), command, context), caseId);
    } catch (error) {
      // Nothing was recorded: the key of a subject that was never stored goes too.
      if (subject && (await this.store.readStream(supportCaseStreamId(caseId))).length === 0) await this.personalData.vault.erase(subjectId);
      throw error;
    }
  }

  @Post(':id/consultations')
  @Access('support:work', caseStream)
  @ApiOperation({ summary: 'Registrera en konsultation i ärendet' })
  consult(@Param('id') id: string, @Body() body: ConsultationDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const command = { type: 'RecordConsultation' as const, ...body, today: swedishDate(new Date()) };
    return sendCommand(this.commands, response, new DecideCommand(supportCaseDecider, supportCaseStreamId(id), command, context), id);
  }

  @Post(':id/referrals')
  @Access('support:work', caseStream)
  @ApiOperation({ summary: 'Hänvisa ärendet vidare (t.ex. till CVE eller en avhopparverksamhet)' })
  refer(@Param('id') id: string, @Body() body: ReferralDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const command = { type: 'ReferSupportCase' as const, ...body, today: swedishDate(new Date()) };
    return sendCommand(this.commands, response, new DecideCommand(supportCaseDecider, supportCaseStreamId(id), command, context), id);
  }

  @Post(':id/closure')
  @Access('support:work', caseStream)
  @ApiOperation({ summary: 'Avsluta ärendet' })
  close(@Param('id') id: string, @Body() body: ClosureDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new DecideCommand(supportCaseDecider, supportCaseStreamId(id), { type: 'CloseSupportCase' as const, ...body }, context), id);
  }

  @Post(':id/subject/erasure')
  @HttpCode(200)
  @Access('support:work', caseStream)
  @ApiOperation({ summary: 'Radera den enskildes personuppgifter för gott: nyckeln förstörs, ärendets övriga uppgifter finns kvar' })
  async erase(@Param('id') id: string, @Body() body: ErasureDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const answer = await sendCommand(this.commands, response, new DecideCommand(supportCaseDecider, supportCaseStreamId(id), { type: 'EraseSubject' as const, ...body }, { ...context, reason: body.legalBasis }), id);
    // The erasure is recorded first, then the key destroyed: from now on nothing can open the subject.
    await this.personalData.vault.erase(uuidFrom(`subject\u0000${id}`));
    return answer;
  }

  @Get('statistics')
  @Access('view:read', { query: 'orgUnit' })
  @ApiQuery({ name: 'orgUnit', required: false, description: 'ett län, en kommun eller SE (standard: din egen)' })
  @ApiOperation({ summary: 'Antal ärenden per kategori, kommun och månad — aldrig personuppgifter' })
  async statistics(@CurrentPrincipal() principal: Principal, @Query('orgUnit') orgUnit: string | undefined, @AsOf() asOf: AsOfQuery) {
    const { reader, meta } = await this.projections.asOf(asOf);
    const code = orgUnit ?? principal.org;
    return { orgUnit: code, ...(await supportCaseStatistics(reader, this.units, code)), meta };
  }

  @Get()
  @Access('support:read', { query: 'municipality' })
  @ApiQuery({ name: 'municipality', required: false, description: 'standard: hela länet' })
  @ApiOperation({ summary: 'Länets ärenden (utan personuppgifter)' })
  async list(@CurrentPrincipal() principal: Principal, @Query('municipality') municipality: string | undefined, @AsOf() asOf: AsOfQuery) {
    const { reader, meta } = await this.projections.asOf(asOf);
    const cases = await supportCasesWithin(reader, this.units, municipality ?? principal.org);
    return { items: cases.map(({ eventIds: _lineage, ...c }) => c), meta };
  }

  @Get(':id')
  @Access('support:read', caseStream)
  @ApiQuery({ name: 'purpose', required: false, description: 'varför ärendet läses (loggas)' })
  @ApiOperation({ summary: 'Ärendet, som det var känt vid asOf; den enskildes uppgifter bara för handläggare (varje läsning loggas)' })
  async details(
    @Param('id') id: string,
    @Query('purpose') purpose: unknown,
    @AsOf() asOf: AsOfQuery,
    @CurrentPrincipal() principal: Principal,
    @Ctx() context: CommandContext,
  ) {
    await this.recordAccess(id, 'details', purposeOf(purpose), context);
    const { position, meta } = await resolveAsOf(this.store, asOf);
    const all = (await this.store.readStream(supportCaseStreamId(id))) as unknown as CaseEvent[];
    const events = all.filter((e) => e.position <= position);
    if (events.length === 0) throw new NotFoundError('support-case-not-found', `Support case ${id} had not been opened as of position ${position}`);
    const opened = events[0] as Extract<SupportCaseEvent, { type: 'SupportCaseOpened' }>;
    const closed = events.find((e) => e.type === 'SupportCaseClosed') as Extract<SupportCaseEvent, { type: 'SupportCaseClosed' }> | undefined;
    const worker = isAllowed(principal, 'support:work', opened.data.orgUnit, this.units);
    // The county's analysts read the case's facts, not its free texts (a summary or note may name the person).
    const text = (value: string) => (worker ? value : undefined);
    return {
      id,
      orgUnit: opened.data.orgUnit,
      county: opened.data.county,
      category: opened.data.category,
      requestedSupport: opened.data.requestedSupport,
      openedOn: opened.data.openedOn,
      status: closed ? 'closed' : 'open',
      consultations: events.flatMap((e) => (e.type === 'SupportCaseConsulted' ? [{ date: e.data.date, summary: text(e.data.summary) }] : [])),
      referrals: events.flatMap((e) => (e.type === 'SupportCaseReferred' ? [{ to: e.data.to, note: text(e.data.note), referredOn: e.data.referredOn }] : [])),
      ...(closed ? { outcome: text(closed.data.outcome) } : {}),
      ...(worker ? {} : { textsWithheld: true }),
      subject: await this.subjectOf(opened, events, all, worker),
      revision: events[events.length - 1]!.revision,
      meta,
    };
  }

  /**
   * The subject as a reader of the case sees it: in clear for the county's support workers;
   * withheld from its analysts (everything in the county but personal data); erased, for good
   * and as of any moment, once the key is destroyed.
   */
  private async subjectOf(opened: Extract<SupportCaseEvent, { type: 'SupportCaseOpened' }>, known: CaseEvent[], all: CaseEvent[], mayReadSubject: boolean) {
    const sealed = opened.data.subject;
    if (!sealed) return null;
    if (!mayReadSubject) return { withheld: true };
    const clear = all.some((e) => e.type === 'SupportCaseSubjectErased') ? undefined : await this.personalData.vault.open(sealed.subjectId, sealed.sealed);
    if (clear) return clear;
    const erased = known.find((e) => e.type === 'SupportCaseSubjectErased') as (Extract<SupportCaseEvent, { type: 'SupportCaseSubjectErased' }> & { recordedAt: string }) | undefined;
    return { erased: true, ...(erased ? { erasedAt: erased.recordedAt, legalBasis: erased.data.legalBasis } : {}) };
  }

  @Get(':id/access-log')
  @Access('support:work', caseStream)
  @ApiOperation({ summary: 'Vem har läst ärendet, när och varför, till och med asOf (även denna läsning loggas)' })
  async accessLog(@Param('id') id: string, @Query('purpose') purpose: unknown, @AsOf() asOf: AsOfQuery, @Ctx() context: CommandContext) {
    await this.recordAccess(id, 'access-log', purposeOf(purpose), context);
    const { position, meta } = await resolveAsOf(this.store, asOf);
    const events = await this.store.readStream(supportCaseAccessStreamId(id), { toPosition: position });
    return {
      id,
      items: events.map((e) => ({
        at: e.recordedAt,
        position: e.position.toString(),
        actor: e.metadata.actor,
        read: (e as unknown as CaseAccessEvent).data.read,
        ...((e as unknown as CaseAccessEvent).data.purpose ? { purpose: (e as unknown as CaseAccessEvent).data.purpose } : {}),
      })),
      meta,
    };
  }

  private recordAccess(caseId: string, read: 'details' | 'access-log', purpose: string | undefined, context: CommandContext) {
    const { idempotencyKey: _key, fingerprint: _fingerprint, expectedRevision: _revision, ...who } = context;
    return handleCommand(this.store, caseAccessDecider, supportCaseAccessStreamId(caseId), { type: 'RecordCaseAccess', caseId, read, ...(purpose ? { purpose } : {}) }, who);
  }
}
