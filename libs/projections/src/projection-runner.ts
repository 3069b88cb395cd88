import type { EventStore, StoredEvent, Subscription } from '@lagesbild/event-store';
import { type Projection, checkpointName } from './projection.js';
import type { ViewStore } from './view-store.port.js';

/** How far a projection's stored checkpoint may trail over events it ignores. */
const CHECKPOINT_EVERY_IGNORED = 10_000n;

export interface ProjectionRunnerOptions {
  batchSize?: number;
  onError?: (projection: string, error: unknown) => void;
}

/**
 * Runs projections in this process: each catches up from its checkpoint in batches (one
 * view-store transaction per batch, checkpoint included), then follows the live tail.
 */
export class ProjectionRunner {
  private readonly applied = new Map<string, bigint>();
  /** The checkpoint each projection has stored (it may trail `applied` over ignored events). */
  private readonly stored = new Map<string, bigint>();
  private readonly waiters = new Set<{ position: bigint; resolve: () => void }>();
  private tap: Subscription | undefined;
  private logHead = 0n;
  private wakeLoop: (() => void) | undefined;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly views: ViewStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  /** Starts catching up; resolves once every projection has reached the head seen at start. */
  async start(): Promise<void> {
    this.running = true;
    this.logHead = await this.store.headPosition();
    for (const projection of this.projections) {
      const checkpoint = await this.views.checkpoint(checkpointName(projection));
      this.applied.set(projection.name, checkpoint);
      this.stored.set(projection.name, checkpoint);
    }
    // One live tap wakes the loop when the log grows.
    this.tap = this.store.subscribeAll(this.logHead, (event) => {
      this.logHead = event.position;
      this.wakeLoop?.();
    });
    const caughtUp = this.waitFor(this.logHead);
    this.loop = this.run();
    await Promise.race([caughtUp, this.loop]);
  }

  /**
   * Resolves true when every projection has applied the log up to `position`, or false when
   * `timeoutMs` passes first (the waiter is then forgotten).
   */
  waitFor(position: bigint, timeoutMs?: number): Promise<boolean> {
    if (this.lowest() >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      this.waiters.add(waiter);
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(false);
        }, timeoutMs);
      }
    });
  }

  /** The position each projection has reached, and the log's head. */
  status(): { head: bigint; projections: Array<{ name: string; version: number; position: bigint }> } {
    return {
      head: this.logHead,
      projections: this.projections.map((p) => ({ name: p.name, version: p.version, position: this.applied.get(p.name) ?? 0n })),
    };
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeLoop?.();
    await this.tap?.close();
    await this.loop;
  }

  private lowest(): bigint {
    let lowest: bigint | undefined;
    for (const position of this.applied.values()) if (lowest === undefined || position < lowest) lowest = position;
    return lowest ?? this.logHead;
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 1000;
    while (this.running) {
      const from = this.lowest();
      const batch: StoredEvent[] = [];
      for await (const event of this.store.readAll({ fromPosition: from, batchSize })) {
        batch.push(event);
        if (batch.length >= batchSize) break;
      }
      if (batch.length === 0) {
        await new Promise<void>((resolve) => {
          this.wakeLoop = resolve;
          if (!this.running || this.logHead > from) resolve();
        });
        this.wakeLoop = undefined;
        continue;
      }
      const upTo = batch[batch.length - 1]!.position;
      for (const projection of this.projections) await this.applyTo(projection, batch, upTo);
      if (upTo > this.logHead) this.logHead = upTo;
      this.release();
    }
  }

  private async applyTo(projection: Projection, batch: StoredEvent[], upTo: bigint): Promise<void> {
    const done = this.applied.get(projection.name) ?? 0n;
    if (done >= upTo) return;
    const handled = new Set(projection.handles);
    const relevant = batch.filter((e) => e.position > done && handled.has(e.type));
    const stored = this.stored.get(projection.name) ?? 0n;
    if (relevant.length === 0 && upTo - stored < CHECKPOINT_EVERY_IGNORED) {
      // Nothing of its own in this batch: move on without a transaction. The stored checkpoint
      // follows with its next event, or after a stretch of ignored ones; a restart before then
      // re-reads only events this projection ignores.
      this.applied.set(projection.name, upTo);
      return;
    }
    try {
      await this.views.applyBatch(checkpointName(projection), relevant, upTo, (writer, event) =>
        projection.apply(event as StoredEvent, writer),
      );
      this.applied.set(projection.name, upTo);
      this.stored.set(projection.name, upTo);
    } catch (error) {
      this.options.onError?.(projection.name, error);
      throw error;
    }
  }

  private release(): void {
    const lowest = this.lowest();
    for (const waiter of this.waiters) {
      if (waiter.position <= lowest) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
