import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Decider } from '@lagesbild/domain';
import { type CommandContext, type CommandOrBuilder, type CommandResult, EVENT_STORE, type EventStore, handleCommand } from '@lagesbild/event-store';

/**
 * A command whose lookups the controller has already resolved: it names the aggregate's
 * decider, its stream and the domain command, and is handled by `handleCommand` alone.
 */
export class DecideCommand<C = unknown, E extends { type: string; data: unknown } = { type: string; data: unknown }, S = unknown> extends Command<CommandResult> {
  constructor(
    readonly decider: Decider<C, E, S>,
    readonly streamId: string,
    readonly command: CommandOrBuilder<C, S>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DecideCommand)
export class DecideCommandHandler implements ICommandHandler<DecideCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ decider, streamId, command, context }: DecideCommand): Promise<CommandResult> {
    return handleCommand(this.store, decider, streamId, command, context);
  }
}
