import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type Answer,
  NotFoundError,
  type SupportNeed,
  ValidationError,
  countyApprovalDecider,
  countyApprovalStreamId,
  countySettingsDecider,
  countySettingsStreamId,
  deadlineOf,
  fold,
  situationReportDecider,
  situationReportStreamId,
} from '@lagesbild/domain';
import { type CommandContext, type CommandResult, EVENT_STORE, type EventStore, handleCommand } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { TemplateCatalog } from '../reference/template-catalog.js';

export class SubmitSituationReportCommand extends Command<CommandResult> {
  constructor(
    readonly orgUnit: string,
    readonly period: string,
    readonly body: { templateVersion: number; answers: Answer[]; sources?: string[]; summary?: string; supportNeeded?: SupportNeed },
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class AmendSituationReportCommand extends Command<CommandResult> {
  constructor(
    readonly orgUnit: string,
    readonly period: string,
    readonly body: { answers: Answer[]; reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** What a report's county decided, resolved for the report's decider: the deadline and the lock. */
export class CountyPeriodLookup {
  constructor(
    private readonly store: EventStore,
    private readonly units: OrgUnitRegistry,
  ) {}

  async deadline(orgUnit: string, period: string): Promise<string> {
    const county = this.countyOf(orgUnit);
    const settings = fold(countySettingsDecider, (await this.store.readStream(countySettingsStreamId(county))) as never[]);
    return deadlineOf(period, settings.deadlineDay);
  }

  async approved(orgUnit: string, period: string): Promise<boolean> {
    const county = this.countyOf(orgUnit);
    return fold(countyApprovalDecider, (await this.store.readStream(countyApprovalStreamId(county, period))) as never[]).approved;
  }

  private countyOf(orgUnit: string): string {
    const county = this.units.countyOf(orgUnit);
    if (!county) throw new NotFoundError('org-unit-not-found', `${orgUnit} belongs to no county`);
    return county.code;
  }
}

@CommandHandler(SubmitSituationReportCommand)
export class SubmitSituationReportHandler implements ICommandHandler<SubmitSituationReportCommand> {
  private readonly county: CountyPeriodLookup;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
    private readonly templates: TemplateCatalog,
  ) {
    this.county = new CountyPeriodLookup(store, units);
  }

  async execute({ orgUnit, period, body, context }: SubmitSituationReportCommand): Promise<CommandResult> {
    const kind = this.units.get(orgUnit)?.kind;
    if (kind !== 'municipality' && kind !== 'district') {
      throw new ValidationError('Only a municipality or a city district reports', [{ path: 'code', message: `${orgUnit} is a ${kind}` }]);
    }
    const template = await this.templates.version(body.templateVersion);
    if (!template) {
      throw new ValidationError('Unknown template version', [{ path: 'templateVersion', message: `there is no version ${body.templateVersion}` }]);
    }
    return handleCommand(this.store, situationReportDecider, situationReportStreamId(orgUnit, period), {
      type: 'SubmitSituationReport',
      orgUnit,
      period,
      template,
      answers: body.answers,
      sources: body.sources ?? [],
      ...(body.summary !== undefined ? { summary: body.summary } : {}),
      ...(body.supportNeeded !== undefined ? { supportNeeded: body.supportNeeded } : {}),
      submittedAt: new Date().toISOString(),
      deadline: await this.county.deadline(orgUnit, period),
      periodApproved: await this.county.approved(orgUnit, period),
    }, context);
  }
}

@CommandHandler(AmendSituationReportCommand)
export class AmendSituationReportHandler implements ICommandHandler<AmendSituationReportCommand> {
  private readonly county: CountyPeriodLookup;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORG_UNITS) units: OrgUnitRegistry,
    private readonly templates: TemplateCatalog,
  ) {
    this.county = new CountyPeriodLookup(store, units);
  }

  async execute({ orgUnit, period, body, context }: AmendSituationReportCommand): Promise<CommandResult> {
    return handleCommand(
      this.store,
      situationReportDecider,
      situationReportStreamId(orgUnit, period),
      async (state) => ({
        type: 'AmendSituationReport' as const,
        template: (state.status === 'submitted' && (await this.templates.version(state.templateVersion))) || this.templates.builtIn,
        answers: body.answers,
        reason: body.reason,
        periodApproved: state.status === 'submitted' ? await this.county.approved(orgUnit, period) : false,
      }),
      { ...context, reason: body.reason },
    );
  }
}
