import { createHash, randomUUID } from 'node:crypto';
import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { CommandContext, CommandResult } from '@lagesbild/event-store';
import { ValidationError } from '@lagesbild/domain';
import type { AuthenticatedRequest } from '../auth/auth.guard.js';
import type { FeatureCommand } from './feature-command.js';

const MAX_IDEMPOTENCY_KEY = 200;

/**
 * The context of a command from its HTTP request: the actor from the token, the
 * `Idempotency-Key` with a digest of the request, `If-Match`, and a correlation id.
 */
export function commandContextOf(request: AuthenticatedRequest): CommandContext {
  const key = header(request, 'idempotency-key');
  if (key !== undefined && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY)) {
    throw new ValidationError('Bad Idempotency-Key', [
      { path: 'Idempotency-Key', message: `must be 1–${MAX_IDEMPOTENCY_KEY} characters` },
    ]);
  }
  const ifMatch = header(request, 'if-match');
  let expectedRevision: number | undefined;
  if (ifMatch !== undefined) {
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
    if (!match) throw new ValidationError('Bad If-Match', [{ path: 'If-Match', message: 'must be an ETag of a revision, e.g. "3"' }]);
    expectedRevision = Number(match[1]);
  }
  const { principal } = request;
  return {
    actor: { id: principal.id, name: principal.name, roles: principal.roles, org: principal.org },
    correlationId: header(request, 'x-correlation-id')?.slice(0, 200) ?? randomUUID(),
    ...(key !== undefined
      ? {
          idempotencyKey: `${principal.id}:${key}`,
          fingerprint: createHash('sha256')
            .update(`${request.method} ${request.originalUrl.split('?')[0]}\n${JSON.stringify(request.body ?? null)}`)
            .digest('hex'),
        }
      : {}),
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
  };
}

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `@Ctx()`: the command context of the request. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  commandContextOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);

/** What every command answers: `{id, revision, position}` and `ETag: "<revision>"`. */
export interface CommandAnswer {
  id: string;
  revision: number;
  position: string;
}

export function answerCommand(response: Response, id: string, result: CommandResult): CommandAnswer {
  response.setHeader('ETag', `"${result.revision}"`);
  return { id, revision: result.revision, position: result.position.toString() };
}

/** Executes a feature's command and answers it as every command is answered. */
export async function sendCommand(bus: CommandBus, response: Response, command: FeatureCommand<{ type: string }>): Promise<CommandAnswer> {
  const result = await bus.execute(command);
  return answerCommand(response, result.id, result);
}
