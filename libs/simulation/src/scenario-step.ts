import type { Decider, Period } from '@lagesbild/domain';
import { type Actor, type CommandContext, type CommandResult, type EventStore, handleCommand } from '@lagesbild/event-store';
import type { OrgUnit } from '@lagesbild/reference-data';

/** One command of the simulated history, at its moment. */
export interface Step {
  at: number;
  streamId: string;
  actor: Actor;
  reason?: string;
  run(store: EventStore, context: CommandContext): Promise<CommandResult>;
}

/** A command to an aggregate's stream, by an actor at a moment (and why, when the command says). */
export function step<C, E extends { type: string; data: unknown }, S>(
  at: number,
  actor: Actor,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  reason?: string,
): Step {
  return { at, actor, streamId, ...(reason ? { reason } : {}), run: (store, context) => handleCommand(store, decider, streamId, command, context) };
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** A moment in a month: day, hour and minute in UTC (Swedish office hours are 7–16 UTC). */
export function momentIn(period: Period, day: number, hour: number, minute = 0): number {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return Date.UTC(year, month - 1, day, hour, minute);
}

export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const reporter = (unit: OrgUnit): Actor => ({ id: `rapportor-${unit.code}`, name: `Rapportör ${unit.name}`, roles: ['municipal_reporter'], org: unit.code });

export const analyst = (county: OrgUnit, n: number): Actor => ({
  id: `analytiker-${county.code}-${n}`,
  name: `${n === 1 ? 'Analytiker' : 'Samordnare'} ${county.name}`,
  roles: ['county_analyst'],
  org: county.code,
});
