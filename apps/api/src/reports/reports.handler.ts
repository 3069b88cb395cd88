import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { type Answer, ConflictError, type SupportNeed, ValidationError, situationReportDecider, situationReportStreamId } from '@lagesbild/domain';
import { type CommandContext, handleCommand } from '@lagesbild/event-store';
import { FeatureCommand, FeatureHandler, type Written, causedBy, written } from '../http/feature-command.js';
import { TemplateCatalog } from '../reference/template-catalog.js';
import { SupportRequestsCommand } from '../support-requests/support-requests.handler.js';
import { CountyPeriodLookup } from './county-period.lookup.js';

type Submit = {
  type: 'SubmitSituationReport';
  orgUnit: string;
  period: string;
  templateVersion: number;
  answers: Answer[];
  sources?: string[];
  summary?: string;
  supportNeeded?: SupportNeed;
};
type Amend = { type: 'AmendSituationReport'; orgUnit: string; period: string; answers: Answer[]; reason: string };

/** A municipality's or a district's monthly report: submitted, then amended with a reason. */
export class ReportsCommand extends FeatureCommand<Submit | Amend> {}

@CommandHandler(ReportsCommand)
export class ReportsHandler extends FeatureHandler<ReportsCommand> {
  constructor(
    private readonly templates: TemplateCatalog,
    private readonly commands: CommandBus,
  ) {
    super();
  }

  /** The county's deadline and lock, read as each decision needs them (made on first use: the store and units are injected after construction). */
  private lookup?: CountyPeriodLookup;
  private get county(): CountyPeriodLookup {
    return (this.lookup ??= new CountyPeriodLookup(this.store, this.units));
  }

  async execute({ request, context }: ReportsCommand): Promise<Written> {
    switch (request.type) {
      case 'SubmitSituationReport':
        return written(await this.submit(request, context));
      case 'AmendSituationReport':
        return written(await this.amend(request, context));
    }
  }

  private async submit({ orgUnit, period, templateVersion, ...body }: Submit, context: CommandContext) {
    const kind = this.units.get(orgUnit)?.kind;
    if (kind !== 'municipality' && kind !== 'district') {
      throw new ValidationError('Only a municipality or a city district reports', [{ path: 'code', message: `${orgUnit} is a ${kind}` }]);
    }
    const template = await this.templates.version(templateVersion);
    if (!template) {
      throw new ValidationError('Unknown template version', [{ path: 'templateVersion', message: `there is no version ${templateVersion}` }]);
    }
    const result = await handleCommand(this.store, situationReportDecider, situationReportStreamId(orgUnit, period), {
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
    if (body.supportNeeded?.needed) await this.openSupportRequest(orgUnit, period, body.supportNeeded, context);
    return result;
  }

  /**
   * A report's support need opens a support request. Its id follows from the report, so a
   * retried submit (answered from the first one) opens it if the first try did not get that far,
   * and never opens a second.
   */
  private async openSupportRequest(orgUnit: string, period: string, need: SupportNeed, context: CommandContext): Promise<void> {
    const description = need.description?.trim() || `Stödbehov angivet i lägesbilden för ${period}`;
    try {
      await this.commands.execute(new SupportRequestsCommand({ type: 'OpenSupportRequest', municipality: orgUnit, description, source: { report: { period } } }, causedBy(context)));
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'support-request-exists')) throw error;
    }
  }

  private amend({ orgUnit, period, answers, reason }: Amend, context: CommandContext) {
    return handleCommand(
      this.store,
      situationReportDecider,
      situationReportStreamId(orgUnit, period),
      async (state) => ({
        type: 'AmendSituationReport' as const,
        template: (state.status === 'submitted' && (await this.templates.version(state.templateVersion))) || this.templates.builtIn,
        answers,
        reason,
        periodApproved: state.status === 'submitted' ? await this.county.approved(orgUnit, period) : false,
      }),
      { ...context, reason },
    );
  }
}
