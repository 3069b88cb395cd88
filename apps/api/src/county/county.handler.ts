import { CommandHandler } from '@nestjs/cqrs';
import { countyApprovalDecider, countyApprovalStreamId, countySettingsDecider, countySettingsStreamId } from '@lagesbild/domain';
import { handleCommand } from '@lagesbild/event-store';
import { FeatureCommand, FeatureHandler, type Written, written } from '../http/feature-command.js';
import { requireCounty } from '../http/org-unit-checks.js';

type Request =
  | { type: 'SetReportingDeadline'; county: string; deadlineDay: number }
  | { type: 'ApproveCountyPeriod'; county: string; period: string; note?: string }
  | { type: 'ReopenCountyPeriod'; county: string; period: string; reason: string };

/** A county's own settings and its approval of a period (which locks the period's reports). */
export class CountyCommand extends FeatureCommand<Request> {}

@CommandHandler(CountyCommand)
export class CountyHandler extends FeatureHandler<CountyCommand> {

  async execute({ request, context }: CountyCommand): Promise<Written> {
    requireCounty(this.units, request.county, 'county');
    switch (request.type) {
      case 'SetReportingDeadline':
        return written(await handleCommand(this.store, countySettingsDecider, countySettingsStreamId(request.county), request, context), request.county);
      case 'ApproveCountyPeriod': {
        const approval = { ...request, approvedAt: new Date().toISOString() };
        return written(await handleCommand(this.store, countyApprovalDecider, countyApprovalStreamId(request.county, request.period), approval, context));
      }
      case 'ReopenCountyPeriod':
        return written(await handleCommand(this.store, countyApprovalDecider, countyApprovalStreamId(request.county, request.period), request, { ...context, reason: request.reason }));
    }
  }
}
