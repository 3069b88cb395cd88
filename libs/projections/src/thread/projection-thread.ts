import type { Worker } from 'node:worker_threads';
import { type EventStore, startWorker } from '@lagesbild/event-store';
import { ALL_PROJECTIONS } from '../all-projections.js';
import { PositionWaiters } from '../position-waiters.js';
import { versionedReader } from '../projection.js';
import type { ProjectionHost, ProjectionListeners, ProjectionStatus } from '../projection-host.js';
import { SqliteViewStore } from '../sqlite/sqlite-view-store.js';
import type { ViewReader } from '../view-store.port.js';
import { type FromProjectionThread, type ToProjectionThread, deserializeError } from './projection-thread.messages.js';

export interface ProjectionThreadOptions {
  /** The embedded log's file (the thread opens a reading connection of its own). */
  eventsFile: string;
  /** The views' file: the thread writes it, this side reads it. */
  viewsFile: string;
}

/**
 * Every projection (ALL_PROJECTIONS) on a thread of its own (the embedded default: both stores SQLite files),
 * so that applying events never holds up the requests on the event loop. Seen from here it is
 * a `ProjectionHost` as the in-process ProjectionRunner is.
 *
 * The log's writer (this side's store) tells the thread of each commit; the thread tells
 * this side how far the serving versions have applied the log, and which stored version
 * serves each view. Reads go through this side's own connection to the views' file.
 */
export class ProjectionThread implements ProjectionHost {
  private worker: Worker | undefined;
  private exited: Promise<unknown> | undefined;
  private reader: SqliteViewStore | undefined;
  private unwatch: (() => void) | undefined;
  private head = 0n;
  /** -1 until the thread has opened the views and read the checkpoints. */
  private servingPosition = -1n;
  private serving = new Map<string, string>();
  /** Until the thread first reports: every projection it runs, at position 0. */
  private projections: ProjectionStatus[] = ALL_PROJECTIONS.map((p) => ({ name: p.name, version: p.version, position: 0n, serving: false }));
  private readonly waiters = new PositionWaiters();
  private listeners: ProjectionListeners = {};
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly options: ProjectionThreadOptions,
  ) {
    // The thread learns of commits only from the writing side's store.
    if (!store.watchHead) throw new Error('A projection thread needs the store that writes the log to tell it of each commit (watchHead)');
  }

  /**
   * Starts the thread; resolves once every projection has reached the head seen at start.
   * After a stop on an error (`onStopped`) it may be started again: a new thread resumes
   * from the checkpoints.
   */
  async start(listeners: ProjectionListeners = {}): Promise<void> {
    this.listeners = listeners;
    this.stopping = false;
    const worker = startWorker(import.meta.url, 'projection-thread.worker', { eventsFile: this.options.eventsFile, viewsFile: this.options.viewsFile });
    this.worker = worker;
    this.exited = new Promise((resolve) => worker.once('exit', resolve));
    this.unwatch?.();
    this.unwatch = this.store.watchHead!((head) => this.logReached(head));
    let started = false;
    let ended = false;
    await new Promise<void>((resolve, reject) => {
      // Before it has caught up, start fails; afterwards `onStopped` is told (reads meanwhile wait, and get 503s).
      const endedBy = (error: Error) => {
        if (ended || this.stopping) return;
        ended = true;
        this.unwatch?.();
        this.unwatch = undefined;
        if (started) this.listeners.onStopped?.(error);
        else reject(error);
      };
      worker.on('message', (message: FromProjectionThread) => {
        switch (message.kind) {
          case 'progress':
            this.progress(message);
            return;
          case 'caught-up':
            started = true;
            resolve();
            return;
          case 'switched':
            this.listeners.onSwitch?.(message.projection, message.from, message.to);
            return;
          case 'projection-failed':
            this.listeners.onError?.(message.projection, deserializeError(message.error));
            return;
          case 'stopped-by-error':
            endedBy(deserializeError(message.error));
        }
      });
      worker.on('error', endedBy);
      worker.once('exit', (code) => endedBy(new Error(`The projection thread ended (exit code ${code})`)));
    });
  }

  waitFor(position: bigint, timeoutMs?: number): Promise<boolean> {
    return this.waiters.waitFor(position, this.servingPosition, timeoutMs);
  }

  /**
   * Tells the thread the log has reached `head` (committed: the writer says so, or a reader
   * saw it). A query at the head says so before it waits: the writer's word of that commit
   * comes through this event loop's queue, which under load runs milliseconds behind.
   */
  logReached(head: bigint): void {
    if (head <= this.head) return;
    this.head = head;
    this.worker?.postMessage({ kind: 'head', head: head.toString() } satisfies ToProjectionThread);
  }

  /** Whether the views can be read: the thread opens (and, if need be, upgrades) their file first. */
  get viewsOpen(): boolean {
    return this.reader !== undefined;
  }

  readerAt(position: bigint): ViewReader {
    if (!this.reader) throw new Error('The projection thread has not opened the views yet');
    return versionedReader(this.reader.readerAt(position), this.serving);
  }

  status(): { head: bigint; projections: ProjectionStatus[] } {
    return { head: this.head, projections: this.projections };
  }

  /** Stops the thread once it has finished the batch in hand and closed its connections. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unwatch?.();
    // A thread that ended on an error has exited already (or is closing): the message then goes nowhere.
    this.worker?.postMessage({ kind: 'stop' } satisfies ToProjectionThread);
    await this.exited;
    await this.reader?.close();
  }

  private progress(message: Extract<FromProjectionThread, { kind: 'progress' }>): void {
    // The thread has opened (and, if need be, upgraded) the views' file: it can be read now.
    this.reader ??= new SqliteViewStore(this.options.viewsFile, { readOnly: true });
    const head = BigInt(message.head);
    if (head > this.head) this.head = head;
    this.serving = new Map(message.serving);
    this.projections = message.projections.map((p) => ({ ...p, position: BigInt(p.position) }));
    this.servingPosition = BigInt(message.servingPosition);
    if (message.changed.length > 0) this.listeners.onChanged?.(message.changed, this.servingPosition);
    this.waiters.release(this.servingPosition);
  }
}
