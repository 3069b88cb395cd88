import type { Clock, EventStore } from '@lagesbild/event-store';
import { uuidFrom } from '@lagesbild/event-store';
import type { Step } from './scenario-step.js';

/**
 * The clock a seeded store runs on: it reads the simulated moment of the step being
 * written, so `recordedAt` spreads over the years the history describes.
 */
export class SimulatedClock {
  private now = 0;

  readonly read: Clock = () => new Date(this.now);

  set(ms: number): void {
    if (ms > this.now) this.now = ms;
  }
}

export interface SeedRunOptions {
  seed: number;
  clock: SimulatedClock;
  /** Steps in flight at once (one group commit takes them together). */
  concurrency?: number;
  /** How far apart in simulated time the steps of one group may be: their `recordedAt` is the latest of them. */
  maxSpreadMs?: number;
  onProgress?: (done: number, total: number, events: bigint) => void;
}

/**
 * Runs a scenario's steps through the deciders, in order, on a store opened with `clock`.
 * Steps close together in simulated time go in flight together (never two on one stream),
 * so a national history takes seconds, not minutes; each waits for the group before it, so
 * positions grow with simulated time. Every event says `simulated: true`.
 */
export async function runSteps(store: EventStore, steps: readonly Step[], options: SeedRunOptions): Promise<{ steps: number; events: bigint }> {
  const concurrency = options.concurrency ?? 64;
  const maxSpread = options.maxSpreadMs ?? 6 * 3_600_000;
  const startHead = await store.headPosition();
  let inFlight: Array<Promise<unknown>> = [];
  const streams = new Set<string>();
  let groupStart = 0;
  let done = 0;
  let failure: Error | undefined;

  const drain = async () => {
    await Promise.all(inFlight);
    if (failure) throw failure;
    done += inFlight.length;
    inFlight = [];
    streams.clear();
    options.onProgress?.(done, steps.length, (await store.headPosition()) - startHead);
  };

  for (const [index, step] of steps.entries()) {
    if (inFlight.length >= concurrency || streams.has(step.streamId) || step.at - groupStart > maxSpread) await drain();
    if (inFlight.length === 0) groupStart = step.at;
    options.clock.set(step.at);
    streams.add(step.streamId);
    inFlight.push(
      step
        .run(store, {
          actor: step.actor,
          correlationId: uuidFrom(`seed:${options.seed}:${index}`),
          ...(step.reason ? { reason: step.reason } : {}),
          metadata: { simulated: true },
        })
        .catch((error: unknown) => {
          failure ??= new Error(`Seeding stopped at step ${index} (${step.streamId}, ${new Date(step.at).toISOString()}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }),
    );
  }
  await drain();
  return { steps: steps.length, events: (await store.headPosition()) - startHead };
}
