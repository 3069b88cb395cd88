import { CommandHandler } from '@nestjs/cqrs';
import { type ChangeActionStatus, type CloseRisk, type DecideAction, type IdentifyRisk, type ProposeAction, type ReassessRisk, actionDecider, actionStreamId, riskDecider, riskStreamId } from '@lagesbild/domain';
import { type CommandContext, aggregateStream, handleCommand } from '@lagesbild/event-store';
import { FeatureCommand, FeatureHandler, type Written, written } from '../http/feature-command.js';
import { newAggregateId } from '../http/new-id.js';
import { TemplateCatalog } from '../reference/template-catalog.js';

type Identify = Omit<IdentifyRisk, 'riskId' | 'knownAreas'>;
type Propose = Omit<ProposeAction, 'actionId' | 'reachableOrgUnits' | 'risks'> & { riskIds: string[] };
type OnRisk<C> = C & { riskId: string };
type OnAction<C> = C & { actionId: string };
type Request = Identify | OnRisk<ReassessRisk> | OnRisk<CloseRisk> | Propose | OnAction<DecideAction> | OnAction<ChangeActionStatus>;

/** Risk analysis and the actions taken against risks; both are addressed by their UUID. */
export class RisksCommand extends FeatureCommand<Request> {}

@CommandHandler(RisksCommand)
export class RisksHandler extends FeatureHandler<RisksCommand> {
  constructor(
    private readonly templates: TemplateCatalog,
  ) {
    super();
  }

  async execute({ request, context }: RisksCommand): Promise<Written> {
    switch (request.type) {
      case 'IdentifyRisk': {
        const riskId = newAggregateId(context, 'risk');
        const knownAreas = (await this.templates.current()).areas.map((a) => a.id);
        return this.onRisk(riskId, { ...request, riskId, knownAreas }, context);
      }
      case 'ReassessRisk': {
        const { riskId, ...reassessment } = request;
        return this.onRisk(riskId, reassessment, { ...context, reason: request.rationale });
      }
      case 'CloseRisk': {
        const { riskId, ...closure } = request;
        return this.onRisk(riskId, closure, { ...context, reason: request.reason });
      }
      case 'ProposeAction':
        return this.propose(request, context);
      case 'DecideAction': {
        const { actionId, ...decision } = request;
        return this.onAction(actionId, decision, { ...context, reason: request.rationale });
      }
      case 'ChangeActionStatus': {
        const { actionId, ...change } = request;
        return this.onAction(actionId, change, context);
      }
    }
  }

  /** An action may address the risks of its own unit and of the unit above, if they are open. */
  private async propose({ riskIds, ...proposal }: Propose, context: CommandContext): Promise<Written> {
    const actionId = newAggregateId(context, 'action');
    const parent = this.units.get(proposal.orgUnit)?.parent;
    const risks = await Promise.all(
      riskIds.map(async (id) => {
        const { state } = await aggregateStream(this.store, riskDecider, riskStreamId(id));
        return state.status === 'none' ? { id } : { id, orgUnit: state.orgUnit, open: state.status === 'open' };
      }),
    );
    return this.onAction(actionId, { ...proposal, actionId, reachableOrgUnits: [proposal.orgUnit, ...(parent ? [parent] : [])], risks }, context);
  }

  private async onRisk(riskId: string, command: IdentifyRisk | ReassessRisk | CloseRisk, context: CommandContext): Promise<Written> {
    return written(await handleCommand(this.store, riskDecider, riskStreamId(riskId), command, context), riskId);
  }

  private async onAction(actionId: string, command: ProposeAction | DecideAction | ChangeActionStatus, context: CommandContext): Promise<Written> {
    return written(await handleCommand(this.store, actionDecider, actionStreamId(actionId), command, context), actionId);
  }
}
