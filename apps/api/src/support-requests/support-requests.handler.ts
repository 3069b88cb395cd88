import { CommandHandler } from '@nestjs/cqrs';
import { type SupportRequestCommand, type SupportRequestSource, ValidationError, supportRequestDecider, supportRequestStreamId } from '@lagesbild/domain';
import { handleCommand, uuidFrom } from '@lagesbild/event-store';
import { FeatureCommand, FeatureHandler, type Written, written } from '../http/feature-command.js';
import { newAggregateId } from '../http/new-id.js';

type Answer = Exclude<SupportRequestCommand, { type: 'OpenSupportRequest' }>;
type Request =
  | { type: 'OpenSupportRequest'; municipality: string; description: string; source: SupportRequestSource }
  | (Answer & { requestId: string });

/** The request a report's support need opens: derived from the report, so it is opened once however often that is tried. */
export const supportRequestIdOfReport = (orgUnit: string, period: string) => uuidFrom(`support-request\u0000${orgUnit}\u0000${period}`);

/** A municipality's request for support and the county's answers to it. */
export class SupportRequestsCommand extends FeatureCommand<Request> {}

@CommandHandler(SupportRequestsCommand)
export class SupportRequestsHandler extends FeatureHandler<SupportRequestsCommand> {
  async execute({ request, context }: SupportRequestsCommand): Promise<Written> {
    if (request.type !== 'OpenSupportRequest') {
      const { requestId, ...answer } = request;
      return this.decide(requestId, answer, context);
    }
    const { municipality, description, source } = request;
    const unit = this.units.get(municipality);
    if (unit?.kind !== 'municipality' && unit?.kind !== 'district') {
      throw new ValidationError('Not a municipality', [{ path: 'municipality', message: `${municipality} is not a municipality or a city district` }]);
    }
    const county = this.units.countyOf(municipality)!.code;
    const requestId = 'report' in source ? supportRequestIdOfReport(municipality, source.report.period) : newAggregateId(context, 'support-request');
    return this.decide(requestId, { type: 'OpenSupportRequest', requestId, orgUnit: municipality, county, description, source }, context);
  }

  private async decide(requestId: string, command: SupportRequestCommand, context: SupportRequestsCommand['context']): Promise<Written> {
    return written(await handleCommand(this.store, supportRequestDecider, supportRequestStreamId(requestId), command, context), requestId);
  }
}
