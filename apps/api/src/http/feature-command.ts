import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@lagesbild/event-store';

/** What a feature's handler answers: the command's result and the id of the resource it wrote. */
export interface Written extends CommandResult {
  id: string;
}

/** A command's result, named by the resource it wrote (by default the stream's name). */
export function written(result: CommandResult, id: string = result.streamId): Written {
  return { ...result, id };
}

/**
 * A request to a feature, as its controller maps it from the HTTP request: a discriminated
 * union of what the caller asked (`request`) and who asked (`context`). The feature's one
 * handler looks up what the decision needs and calls `handleCommand` (STYLE.md rule 14).
 */
export abstract class FeatureCommand<Request extends { type: string }, Result extends Written = Written> extends Command<Result> {
  constructor(
    readonly request: Request,
    readonly context: CommandContext,
  ) {
    super();
  }
}
