import { type ExecutionContext, ServiceUnavailableException, createParamDecorator } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { Request } from 'express';
import { ValidationError } from '@lagesbild/domain';
import type { EventStore } from '@lagesbild/event-store';

/** "As of" of a query: `asOf=<time>`, `asOfPosition=<position>`, and `minPosition` to read one's writes. */
export interface AsOfQuery {
  asOf?: Date;
  asOfPosition?: bigint;
  minPosition?: bigint;
}

/** What a query answer reflects: `meta: {asOf, position}`. */
export interface AnswerMeta {
  asOf: string;
  position: string;
}

const POSITION = /^\d{1,19}$/;
const INSTANT = /^(\d{4})-(\d\d)-(\d\d)(T[\d:.]+(Z|[+-]\d\d:\d\d)?)?$/;

/** An ISO 8601 time from a query value, or undefined when it is not one (a day the month lacks, such as 30 February, included). */
export function parseInstant(value: unknown): Date | undefined {
  const parts = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!parts) return undefined;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  const time = new Date(value as string);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/** The three as-of parameters in the OpenAPI document of every query that takes them (applied to its method). */
const documented: ParameterDecorator[] = [
  { name: 'asOf', description: 'svara som det var känt vid denna tid (ISO 8601), t.ex. 2026-03-01T00:00:00Z' },
  { name: 'asOfPosition', description: 'svara som det var känt vid denna loggposition' },
  { name: 'minPosition', description: 'vänta (högst 5 s) tills vyerna har med denna loggposition, annars 503 med Retry-After' },
].map(
  ({ name, description }) =>
    (target, key) =>
      ApiQuery({ name, required: false, type: String, description })(target, key!, Object.getOwnPropertyDescriptor(target, key!)!),
);

export const AsOf = createParamDecorator((_: unknown, context: ExecutionContext): AsOfQuery => {
  const query = context.switchToHttp().getRequest<Request>().query as Record<string, unknown>;
  const problems: { path: string; message: string }[] = [];
  const result: AsOfQuery = {};
  if (query.asOf !== undefined) {
    const time = parseInstant(query.asOf);
    if (!time) problems.push({ path: 'asOf', message: 'must be an ISO 8601 time, e.g. 2018-02-27T12:00:00Z' });
    else result.asOf = time;
  }
  for (const name of ['asOfPosition', 'minPosition'] as const) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !POSITION.test(value)) problems.push({ path: name, message: 'must be a log position (a whole number)' });
    else result[name] = BigInt(value);
  }
  if (result.asOf && result.asOfPosition !== undefined) problems.push({ path: 'asOf', message: 'give asOf or asOfPosition, not both' });
  if (problems.length > 0) throw new ValidationError('Bad as-of parameters', problems);
  return result;
}, documented);

/**
 * The position a query answers from. Waits (at most 5 s) for `minPosition`, else 503 with
 * Retry-After; an `asOf` time maps to the last position recorded by then.
 */
export async function resolveAsOf(store: EventStore, query: AsOfQuery): Promise<{ position: bigint; meta: AnswerMeta }> {
  if (query.minPosition !== undefined) {
    const deadline = Date.now() + 5000;
    while ((await store.headPosition()) < query.minPosition) {
      if (Date.now() > deadline) throw new ServiceUnavailableException(`The views have not reached position ${query.minPosition} yet; try again shortly`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  const head = await store.headPosition();
  if (query.asOfPosition !== undefined) {
    const position = query.asOfPosition < head ? query.asOfPosition : head;
    const at = await recordedAtOf(store, position);
    return { position, meta: { asOf: at, position: position.toString() } };
  }
  if (query.asOf) {
    const position = await store.positionAt(query.asOf);
    return { position, meta: { asOf: query.asOf.toISOString(), position: position.toString() } };
  }
  return { position: head, meta: { asOf: new Date().toISOString(), position: head.toString() } };
}

async function recordedAtOf(store: EventStore, position: bigint): Promise<string> {
  if (position === 0n) return new Date(0).toISOString();
  for await (const event of store.readAll({ fromPosition: position - 1n, toPosition: position, batchSize: 1 })) return event.recordedAt;
  return new Date(0).toISOString();
}
