import { Inject } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { ORG_UNITS } from '../auth/auth.tokens.js';

/** What a feature's handler answers: the command's result and the id of the resource it wrote. */
export interface Written extends CommandResult {
  id: string;
}

/**
 * Who asked, without the request's own preconditions (Idempotency-Key, If-Match): for a command
 * that a request causes on another stream, which has its own way of being done once.
 */
export function causedBy(context: CommandContext): CommandContext {
  const { idempotencyKey: _key, fingerprint: _fingerprint, expectedRevision: _revision, ...who } = context;
  return who;
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

/**
 * What every feature's handler starts from: the event log and the org units, injected as
 * properties so that a handler declares a constructor only for what else it needs.
 */
export abstract class FeatureHandler<C extends FeatureCommand<{ type: string }, R>, R extends Written = Written> {
  @Inject(EVENT_STORE) protected readonly store!: EventStore;
  @Inject(ORG_UNITS) protected readonly units!: OrgUnitRegistry;

  abstract execute(command: C): Promise<R>;
}
