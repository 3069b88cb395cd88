import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ValidationError,
  countyApprovalDecider,
  countyApprovalStreamId,
  countySettingsDecider,
  countySettingsStreamId,
} from '@lagesbild/domain';
import { type CommandContext, type CommandResult, EVENT_STORE, type EventStore, handleCommand } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { ORG_UNITS } from '../auth/auth.tokens.js';

export class SetReportingDeadlineCommand extends Command<CommandResult> {
  constructor(readonly county: string, readonly deadlineDay: number, readonly context: CommandContext) {
    super();
  }
}

export class ApproveCountyPeriodCommand extends Command<CommandResult> {
  constructor(readonly county: string, readonly period: string, readonly note: string | undefined, readonly context: CommandContext) {
    super();
  }
}

export class ReopenCountyPeriodCommand extends Command<CommandResult> {
  constructor(readonly county: string, readonly period: string, readonly reason: string, readonly context: CommandContext) {
    super();
  }
}

function assertCounty(units: OrgUnitRegistry, code: string): void {
  if (units.get(code)?.kind !== 'county') {
    throw new ValidationError('Not a county', [{ path: 'county', message: `${code} is not a county` }]);
  }
}

@CommandHandler(SetReportingDeadlineCommand)
export class SetReportingDeadlineHandler implements ICommandHandler<SetReportingDeadlineCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry) {}

  execute({ county, deadlineDay, context }: SetReportingDeadlineCommand): Promise<CommandResult> {
    assertCounty(this.units, county);
    return handleCommand(this.store, countySettingsDecider, countySettingsStreamId(county), { type: 'SetReportingDeadline', county, deadlineDay }, context);
  }
}

@CommandHandler(ApproveCountyPeriodCommand)
export class ApproveCountyPeriodHandler implements ICommandHandler<ApproveCountyPeriodCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry) {}

  execute({ county, period, note, context }: ApproveCountyPeriodCommand): Promise<CommandResult> {
    assertCounty(this.units, county);
    return handleCommand(
      this.store,
      countyApprovalDecider,
      countyApprovalStreamId(county, period),
      { type: 'ApproveCountyPeriod', county, period, approvedAt: new Date().toISOString(), ...(note !== undefined ? { note } : {}) },
      context,
    );
  }
}

@CommandHandler(ReopenCountyPeriodCommand)
export class ReopenCountyPeriodHandler implements ICommandHandler<ReopenCountyPeriodCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry) {}

  execute({ county, period, reason, context }: ReopenCountyPeriodCommand): Promise<CommandResult> {
    assertCounty(this.units, county);
    return handleCommand(
      this.store,
      countyApprovalDecider,
      countyApprovalStreamId(county, period),
      { type: 'ReopenCountyPeriod', county, period, reason },
      { ...context, reason },
    );
  }
}
