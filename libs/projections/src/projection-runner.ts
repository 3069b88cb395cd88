import type { EventStore, StoredEvent } from '@lagesbild/event-store';
import { type Projection, applying, checkpointName, storedView, versionedReader } from './projection.js';
import type { ChangedRow, ProjectionHost, ProjectionListeners, ProjectionStatus } from './projection-host.js';
import { PositionWaiters } from './position-waiters.js';
import { RunningVersions } from './running-versions.js';
import { RETRY_AFTER_MS, isTransient } from './transient-errors.js';
import type { ViewReader, ViewStore, ViewWriter } from './view-store.port.js';

/** How far a projection's stored checkpoint may trail over events it ignores. */
const CHECKPOINT_EVERY_IGNORED = 10_000n;

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** Told after every batch applied (and after start has read the checkpoints). */
  onProgress?: () => void;
  /**
   * The projections given are all there are: at start, the checkpoints and views of any other
   * (a projection taken out of the code, or a version it no longer has) are dropped.
   */
  dropOthers?: boolean;
}

/**
 * Runs projections in this process: each catches up from its checkpoint in batches (one
 * view-store transaction per batch, checkpoint included), then follows the live tail.
 *
 * Two versions of one projection may run side by side: the new one is built beside the old
 * one (its rows stored under its own version) by a loop of its own, while the serving loop
 * keeps the old one live and reads go to it; once the new one has caught up with the log,
 * reads switch to it and the old one's views are dropped.
 */
export class ProjectionRunner implements ProjectionHost {
  private readonly versions: RunningVersions;
  private listeners: ProjectionListeners = {};
  private readonly waiters = new PositionWaiters();
  /** Rows changed since `onChanged` was last told (kept only when someone listens). */
  private changed: ChangedRow[] = [];
  /** Stops following the log's head. */
  private untap: (() => Promise<void>) | undefined;
  private logHead = 0n;
  private readonly wakers = new Set<() => void>();
  private isRunning = false;
  private loops: Promise<void> | undefined;
  /** View-store transactions one at a time: the two loops share one store. */
  private exclusive: Promise<unknown> = Promise.resolve();
  /** `start` resolves when every running version (old and new) has reached the head seen at start. */
  private caughtUp: { position: bigint; resolve: () => void } | undefined;
  private opened = false;

  constructor(
    private readonly store: EventStore,
    private readonly views: ViewStore,
    projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.versions = new RunningVersions(projections);
  }

  async start(listeners: ProjectionListeners = {}): Promise<void> {
    this.listeners = listeners;
    this.isRunning = true;
    // The head is watched from before it is first read: no commit in between goes unnoticed.
    const moved = (head: bigint) => this.headMoved(head);
    const watching = this.store.watchHead?.(moved);
    try {
      await this.readCheckpoints();
    } catch (error) {
      // Nothing runs: the head is let go (a later start watches it again).
      watching?.();
      this.isRunning = false;
      throw error;
    }
    if (watching) {
      this.untap = async () => watching();
    } else {
      // A store that cannot tell its head without reading events: a live tap wakes the loop.
      const tap = this.store.subscribeAll(this.logHead, (event) => moved(event.position));
      this.untap = () => tap.close();
    }
    const startHead = this.logHead;
    const caughtUp = new Promise<void>((resolve) => {
      this.caughtUp = { position: startHead, resolve };
    });
    this.release();
    // Both loops end once either fails (the other after the batch in hand); the head is then let go.
    const loops = [this.run(() => this.versions.active()), this.run(() => this.versions.building(), { untilEmpty: true })].map((loop) => loop.catch(this.halt));
    const ended = Promise.allSettled(loops).then(async (results) => {
      await this.untap?.();
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    });
    this.loops = ended.catch(() => undefined);
    let started = false;
    ended.catch((error: unknown) => {
      if (started) this.listeners.onStopped?.(error);
    });
    await Promise.race([caughtUp, ended]);
    started = true;
  }

  /** Reads the log's head and each projection's checkpoint (first dropping what no projection runs, if told to). */
  private async readCheckpoints(): Promise<void> {
    this.logHead = await this.store.headPosition();
    const running = this.versions.all;
    if (this.options.dropOthers) {
      await this.views.keepOnly(
        running.map(checkpointName),
        running.flatMap((p) => p.views.map((view) => storedView(p, view))),
      );
    }
    for (const projection of running) this.versions.resume(projection, await this.views.checkpoint(checkpointName(projection)), this.logHead);
    this.opened = true;
    await this.retireReplaced();
  }

  waitFor(position: bigint, timeoutMs?: number): Promise<boolean> {
    return this.waiters.waitFor(position, this.servingPosition(), timeoutMs);
  }

  logReached(head: bigint): void {
    if (head > this.logHead) this.headMoved(head);
  }

  /** Whether the views can be read: once the view store has answered (a MongoDB store connects in the background). */
  get viewsOpen(): boolean {
    return this.opened;
  }

  readerAt(position: bigint): ViewReader {
    return versionedReader(this.views.readerAt(position), this.servingViews());
  }

  /** For each view, the stored name of the version that answers reads. */
  servingViews(): Map<string, string> {
    return this.versions.servingViews();
  }

  /** How far the versions that answer reads have all applied the log. */
  servingPosition(): bigint {
    return this.versions.lowest(this.versions.active(), this.logHead);
  }

  status(): { head: bigint; projections: ProjectionStatus[] } {
    return { head: this.logHead, projections: this.versions.status() };
  }

  async stop(): Promise<void> {
    this.isRunning = false;
    for (const wake of this.wakers) wake();
    await this.loops;
  }

  /** A loop has failed: the other stops too, and the error goes on. */
  private readonly halt = (error: unknown): never => {
    this.isRunning = false;
    for (const wake of this.wakers) wake();
    throw error;
  };

  /** The log has grown to `head`: the loops waiting at the old head go on. */
  private headMoved(head: bigint): void {
    if (head > this.logHead) this.logHead = head;
    for (const wake of this.wakers) wake();
  }

  /** One loop over a group of projections: batches from the group's lowest position, then the live tail. */
  private async run(group: () => Projection[], options: { untilEmpty?: boolean } = {}): Promise<void> {
    const batchSize = this.options.batchSize ?? 1000;
    while (this.isRunning) {
      const members = group();
      if (members.length === 0 && options.untilEmpty) return;
      const from = this.versions.lowest(members, this.logHead);
      let batch: StoredEvent[] = [];
      try {
        if (members.length > 0) batch = await this.read(from, batchSize);
        if (batch.length > 0) for (const projection of members) await this.applyTo(projection, batch);
      } catch (error) {
        // A full disk or a busy file: nothing of the batch was kept; wait, then take it again.
        if (!isTransient(error) || !this.isRunning) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
        continue;
      }
      const upTo = batch.at(-1)?.position;
      if (upTo === undefined) {
        await this.headPassed(from, members.length > 0);
        continue;
      }
      if (upTo > this.logHead) this.logHead = upTo;
      this.versions.caughtUp(members, this.logHead);
      await this.retireReplaced();
      this.release();
    }
  }

  /** Resolves once the log's head has moved past `from` (at once if it has, and `watching`), or the runner stops. */
  private headPassed(from: bigint, watching: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        this.wakers.delete(wake);
        resolve();
      };
      this.wakers.add(wake);
      if (!this.isRunning || (watching && this.logHead > from)) wake();
    });
  }

  /** The next batch of the log after `from`. */
  private async read(from: bigint, batchSize: number): Promise<StoredEvent[]> {
    const batch: StoredEvent[] = [];
    for await (const event of this.store.readAll({ fromPosition: from, batchSize })) {
      batch.push(event);
      if (batch.length >= batchSize) break;
    }
    return batch;
  }

  /** Runs view-store work one piece at a time. */
  private withStore<T>(work: () => Promise<T>): Promise<T> {
    const result = this.exclusive.then(work);
    this.exclusive = result.catch(() => undefined);
    return result;
  }

  /** Drops every version that a newer, caught-up version of the same projection has replaced. */
  private async retireReplaced(): Promise<void> {
    for (const old of [...this.versions.all]) {
      const newer = this.versions.replacementOf(old);
      if (!newer) continue;
      this.versions.retire(old);
      await this.withStore(() => this.views.drop(checkpointName(old), old.views.map((view) => storedView(old, view))));
      this.listeners.onSwitch?.(old.name, old.version, newer.version);
    }
  }

  /** Applies a batch (not empty) to a projection: its own events, and its checkpoint moved to the batch's end. */
  private async applyTo(projection: Projection, batch: StoredEvent[]): Promise<void> {
    const upTo = batch[batch.length - 1]!.position;
    const done = this.versions.appliedBy(projection);
    if (done >= upTo) return;
    const handled = new Set(projection.handles);
    const relevant = batch.filter((e) => e.position > done && handled.has(e.type));
    if (relevant.length === 0 && upTo - this.versions.storedBy(projection) < CHECKPOINT_EVERY_IGNORED) {
      // Nothing of its own in this batch: move on without a transaction. The stored checkpoint
      // follows with its next event, or after a stretch of ignored ones; a restart before then
      // re-reads only events this projection ignores.
      this.versions.reached(projection, upTo, { stored: false });
      return;
    }
    try {
      await this.withStore(async () => {
        // A version retired meanwhile (by the other loop) writes nothing more.
        if (!this.versions.all.includes(projection)) return;
        await this.views.applyBatch(checkpointName(projection), relevant, upTo, applying(projection, (writer) => this.recorded(writer)));
        this.versions.reached(projection, upTo, { stored: true });
      });
    } catch (error) {
      this.listeners.onError?.(projection.name, error);
      throw error;
    }
  }

  /** A writer that notes each row it changes for `onChanged` (a batch rolled back is noted too: harmless, it only forgets answers). */
  private recorded(writer: ViewWriter): ViewWriter {
    if (!this.listeners.onChanged) return writer;
    return {
      get: (view, key) => writer.get(view, key),
      put: (view, key, value) => {
        this.changed.push([view, key]);
        return writer.put(view, key, value);
      },
      remove: (view, key) => {
        this.changed.push([view, key]);
        return writer.remove(view, key);
      },
    };
  }

  private release(): void {
    if (this.listeners.onChanged) {
      const changed = this.changed;
      this.changed = [];
      this.listeners.onChanged(changed, this.servingPosition());
    }
    this.options.onProgress?.();
    if (this.caughtUp && this.versions.lowest(this.versions.all, this.logHead) >= this.caughtUp.position) {
      this.caughtUp.resolve();
      this.caughtUp = undefined;
    }
    this.waiters.release(this.servingPosition());
  }
}
