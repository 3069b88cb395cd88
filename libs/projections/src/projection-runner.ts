import type { EventStore, StoredEvent } from '@lagesbild/event-store';
import { type Projection, activeViews, applying, checkpointName, storedView, versionedReader } from './projection.js';
import { PositionWaiters } from './position-waiters.js';
import type { ViewReader, ViewStore, ViewWriter } from './view-store.port.js';

/** Storage failures that pass (a full disk, a busy file): the runner waits and tries again. */
const TRANSIENT = /^SQLITE_(FULL|IOERR|BUSY|LOCKED)|^(MongoNetworkError|MongoServerSelectionError)$/;
const RETRY_AFTER_MS = 1000;

const isTransient = (error: unknown) => {
  const e = error as { code?: unknown; name?: unknown };
  return TRANSIENT.test(typeof e.code === 'string' ? e.code : '') || TRANSIENT.test(typeof e.name === 'string' ? e.name : '');
};

/** How far a projection's stored checkpoint may trail over events it ignores. */
const CHECKPOINT_EVERY_IGNORED = 10_000n;

export interface ProjectionRunnerOptions {
  batchSize?: number;
  onError?: (projection: string, error: unknown) => void;
  /**
   * Told when the projections stop on an error they cannot wait out, after `start` has
   * resolved (before, `start` rejects with it). The runner may be started again: it resumes
   * from the checkpoints, and the batch that failed is taken again.
   */
  onStopped?: (error: unknown) => void;
  /** Told when a new version has caught up and replaced an older one. */
  onSwitch?: (projection: string, from: number, to: number) => void;
  /** Told after every batch applied (and after start has read the checkpoints). */
  onProgress?: () => void;
  /**
   * Told which rows (view and key, as queries name them) the batches since the last call
   * changed and how far the serving versions have applied the log, before anyone waiting for
   * that position is told: answers remembered from those rows are out of date.
   */
  onChanged?: (rows: ChangedRow[], through: bigint) => void;
  /**
   * The projections given are all there are: at start, the checkpoints and views of any other
   * (a projection taken out of the code, or a version it no longer has) are dropped.
   */
  dropOthers?: boolean;
}

/** A row a batch wrote or removed: its view (as queries name it) and key. */
export type ChangedRow = [view: string, key: string];

/**
 * Runs projections in this process: each catches up from its checkpoint in batches (one
 * view-store transaction per batch, checkpoint included), then follows the live tail.
 *
 * Two versions of one projection may run side by side: the new one is built beside the old
 * one (its rows stored under its own version) by a loop of its own, while the serving loop
 * keeps the old one live and reads go to it; once the new one has caught up with the log,
 * reads switch to it and the old one's views are dropped.
 */
export class ProjectionRunner {
  private running: Projection[];
  /** Keyed by checkpoint name (`<name>@v<version>`). */
  private readonly applied = new Map<string, bigint>();
  /** The checkpoint each projection has stored (it may trail `applied` over ignored events). */
  private readonly stored = new Map<string, bigint>();
  /** Versions that have caught up with the log at least once: they may answer reads. */
  private readonly ready = new Set<string>();
  /** The stored name of each view's serving version; recomputed after a version catches up or retires. */
  private serving: Map<string, string> | undefined;
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

  constructor(
    private readonly store: EventStore,
    private readonly views: ViewStore,
    projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.running = [...projections];
  }

  /** Starts catching up; resolves once every projection has reached the head seen at start. */
  async start(): Promise<void> {
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
    const loops = [this.run(() => this.active()), this.run(() => this.building(), { untilEmpty: true })].map((loop) => loop.catch(this.halt));
    const ended = Promise.allSettled(loops).then(async (results) => {
      await this.untap?.();
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    });
    this.loops = ended.catch(() => undefined);
    let started = false;
    ended.catch((error: unknown) => {
      if (started) this.options.onStopped?.(error);
    });
    await Promise.race([caughtUp, ended]);
    started = true;
  }

  /** Reads the log's head and each projection's checkpoint (first dropping what no projection runs, if told to). */
  private async readCheckpoints(): Promise<void> {
    this.logHead = await this.store.headPosition();
    if (this.options.dropOthers) {
      await this.views.keepOnly(
        this.running.map(checkpointName),
        this.running.flatMap((p) => p.views.map((view) => storedView(p, view))),
      );
    }
    for (const projection of this.running) {
      const id = checkpointName(projection);
      const checkpoint = await this.views.checkpoint(id);
      this.applied.set(id, checkpoint);
      this.stored.set(id, checkpoint);
      const alone = this.running.filter((p) => p.name === projection.name).length === 1;
      if (alone || checkpoint >= this.logHead) this.ready.add(id);
    }
    this.serving = undefined;
    await this.retireReplaced();
  }

  /**
   * Resolves true when the projections that answer reads have applied the log up to
   * `position`, or false when `timeoutMs` passes first (the waiter is then forgotten).
   */
  waitFor(position: bigint, timeoutMs?: number): Promise<boolean> {
    return this.waiters.waitFor(position, this.lowest(this.active()), timeoutMs);
  }

  /** The log has reached `head` (committed: a reader saw it); the loops need not wait for the store's word of it. */
  logReached(head: bigint): void {
    if (head > this.logHead) this.headMoved(head);
  }

  /** Whether the views can be read: always, here (the store was opened with the runner). */
  get viewsOpen(): boolean {
    return true;
  }

  /** The views as of a position, each read from the version that answers reads. */
  readerAt(position: bigint): ViewReader {
    return versionedReader(this.views.readerAt(position), this.servingViews());
  }

  /** For each view, the stored name of the version that answers reads. */
  servingViews(): Map<string, string> {
    // Which version serves each view changes only when a new version has caught up.
    return (this.serving ??= activeViews(this.active()));
  }

  /** How far the versions that answer reads have all applied the log. */
  servingPosition(): bigint {
    return this.lowest(this.active());
  }

  /** The position each projection version has reached, whether it answers reads, and the log's head. */
  status(): { head: bigint; projections: Array<{ name: string; version: number; position: bigint; serving: boolean }> } {
    const active = new Set(this.active());
    return {
      head: this.logHead,
      projections: this.running.map((p) => ({ name: p.name, version: p.version, position: this.applied.get(checkpointName(p)) ?? 0n, serving: active.has(p) })),
    };
  }

  /** Stops following the log once the batch in hand is done. */
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

  /** Per projection name, the newest version that has caught up (or the newest, if none has). */
  private active(): Projection[] {
    const newest = (versions: Projection[]) => versions.reduce((a, b) => (b.version > a.version ? b : a));
    return [...new Set(this.running.map((p) => p.name))].map((name) => {
      const versions = this.running.filter((p) => p.name === name);
      const caughtUp = versions.filter((p) => this.ready.has(checkpointName(p)));
      return newest(caughtUp.length > 0 ? caughtUp : versions);
    });
  }

  /** Versions still catching up beside the one that serves. */
  private building(): Projection[] {
    const active = new Set(this.active());
    return this.running.filter((p) => !active.has(p));
  }

  private lowest(projections: readonly Projection[]): bigint {
    let lowest: bigint | undefined;
    for (const projection of projections) {
      const position = this.applied.get(checkpointName(projection)) ?? 0n;
      if (lowest === undefined || position < lowest) lowest = position;
    }
    return lowest ?? this.logHead;
  }

  /** One loop over a group of projections: batches from the group's lowest position, then the live tail. */
  private async run(group: () => Projection[], options: { untilEmpty?: boolean } = {}): Promise<void> {
    const batchSize = this.options.batchSize ?? 1000;
    while (this.isRunning) {
      const members = group();
      if (members.length === 0 && options.untilEmpty) return;
      const from = this.lowest(members);
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
        await new Promise<void>((resolve) => {
          const wake = () => {
            this.wakers.delete(wake);
            resolve();
          };
          this.wakers.add(wake);
          if (!this.isRunning || (members.length > 0 && this.logHead > from)) wake();
        });
        continue;
      }
      if (upTo > this.logHead) this.logHead = upTo;
      for (const projection of members) {
        const id = checkpointName(projection);
        if (!this.ready.has(id) && (this.applied.get(id) ?? 0n) >= this.logHead) {
          this.ready.add(id);
          this.serving = undefined;
        }
      }
      await this.retireReplaced();
      this.release();
    }
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
    for (const old of [...this.running]) {
      const newer = this.running.find((p) => p.name === old.name && p.version > old.version && this.ready.has(checkpointName(p)));
      if (!newer) continue;
      this.running = this.running.filter((p) => p !== old);
      this.serving = undefined;
      await this.withStore(() => this.views.drop(checkpointName(old), old.views.map((view) => storedView(old, view))));
      this.options.onSwitch?.(old.name, old.version, newer.version);
    }
  }

  /** Applies a batch (not empty) to a projection: its own events, and its checkpoint moved to the batch's end. */
  private async applyTo(projection: Projection, batch: StoredEvent[]): Promise<void> {
    const upTo = batch[batch.length - 1]!.position;
    const id = checkpointName(projection);
    const done = this.applied.get(id) ?? 0n;
    if (done >= upTo) return;
    const handled = new Set(projection.handles);
    const relevant = batch.filter((e) => e.position > done && handled.has(e.type));
    const stored = this.stored.get(id) ?? 0n;
    if (relevant.length === 0 && upTo - stored < CHECKPOINT_EVERY_IGNORED) {
      // Nothing of its own in this batch: move on without a transaction. The stored checkpoint
      // follows with its next event, or after a stretch of ignored ones; a restart before then
      // re-reads only events this projection ignores.
      this.applied.set(id, upTo);
      return;
    }
    try {
      await this.withStore(async () => {
        // A version retired meanwhile (by the other loop) writes nothing more.
        if (!this.running.includes(projection)) return;
        await this.views.applyBatch(id, relevant, upTo, applying(projection, (writer) => this.recorded(writer)));
        this.applied.set(id, upTo);
        this.stored.set(id, upTo);
      });
    } catch (error) {
      this.options.onError?.(projection.name, error);
      throw error;
    }
  }

  /** A writer that notes each row it changes for `onChanged` (a batch rolled back is noted too: harmless, it only forgets answers). */
  private recorded(writer: ViewWriter): ViewWriter {
    if (!this.options.onChanged) return writer;
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
    if (this.options.onChanged) {
      const changed = this.changed;
      this.changed = [];
      this.options.onChanged(changed, this.lowest(this.active()));
    }
    this.options.onProgress?.();
    if (this.caughtUp && this.lowest(this.running) >= this.caughtUp.position) {
      this.caughtUp.resolve();
      this.caughtUp = undefined;
    }
    this.waiters.release(this.lowest(this.active()));
  }
}
