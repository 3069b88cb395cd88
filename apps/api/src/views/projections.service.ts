import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { AnswerMemo, PROJECTION_HOST, REPORT_SUMMARY_VIEW, type ProjectionHost, type ProjectionListeners, type ProjectionStatus, type ViewReader } from '@lagesbild/projections';
import { type AnswerMeta, type AsOfQuery, resolveAsOf } from '../http/as-of.js';
import { JsonAnswer } from '../http/json-answer.js';

const MIN_POSITION_WAIT_MS = 5000;
/** After the projections stop on an error, they are started again: first after a second, then after twice as long each time, at most a minute. */
const RESTART_AFTER_MS = { first: 1000, most: 60_000 };

/** The projections have stopped on an error, and start again at `restartAt`. */
export interface ProjectionsStopped {
  error: unknown;
  restartAt: Date;
}

/** A projection version's position, and how far it is behind the log: in positions, and in seconds since the oldest event it has not applied was recorded. */
export type ProjectionLag = ProjectionStatus & { lag: bigint; lagSeconds: number };

/**
 * The projections and reads of their views, wherever they run (`ProjectionsModule` decides):
 * started at bootstrap, started again after they stop on an error, and asked for readers once
 * they hold what a query needs.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private started: Promise<void> | undefined;
  /** Why the projections stopped, and when they start again; unset while they run. */
  private stopped: ProjectionsStopped | undefined;
  private restartAfterMs = RESTART_AFTER_MS.first;
  private restartTimer: NodeJS.Timeout | undefined;
  private shuttingDown = false;
  /** Answers at the head, until a row they read changes. */
  private readonly memo = new AnswerMemo();

  /** What the projections tell this service while they run. */
  private readonly listeners: ProjectionListeners = {
    onError: (projection, error) => this.logger.error({ err: error, projection }, 'projection failed'),
    onStopped: (error) => this.restartLater(error),
    onSwitch: (projection, from, to) => {
      this.memo.clear();
      this.logger.log(`${projection}: version ${to} has caught up and answers now; version ${from} dropped`);
    },
    onChanged: (rows, through) => this.memo.changed(rows, through),
  };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost,
  ) {}

  /** Catches up in the background; queries wait for what they need through `readerAt`. */
  onApplicationBootstrap(): void {
    this.begin();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    clearTimeout(this.restartTimer);
    await this.started;
    // Stopped here, where they were started; their view store is closed after (ProjectionsModule).
    await this.host.stop();
  }

  /**
   * A query's answer in JSON, with its `meta`. At the head of the log it is remembered until a
   * row it read changes, and asked again it costs neither the reads nor the serialisation; as
   * of a past moment it is computed afresh. `id` names the question: everything the answer
   * depends on besides the views (the org unit, the period, the template version…). What it
   * reads elsewhere (a report's own stream) must follow from a row it read: a remembered answer
   * is forgotten only when one of those changes.
   */
  async answer(id: string, query: AsOfQuery, compute: (reader: ViewReader, position: bigint) => Promise<object>): Promise<JsonAnswer> {
    const { position, reader, meta } = await this.at(query);
    const atHead = query.asOf === undefined && query.asOfPosition === undefined;
    const computeAt = (r: ViewReader) => compute(r, position);
    const json = atHead ? (this.memo.get(id, position) ?? (await this.memo.remember(id, position, reader, computeAt))) : JSON.stringify(await computeAt(reader));
    return JsonAnswer.withMeta(json, meta);
  }

  /** The views as of a query's `asOf`/`asOfPosition`, once they hold its `minPosition`; else 503. */
  async asOf(query: AsOfQuery): Promise<{ reader: ViewReader; meta: AnswerMeta }> {
    const { reader, meta } = await this.at(query);
    return { reader, meta };
  }

  private async at(query: AsOfQuery): Promise<{ position: bigint; reader: ViewReader; meta: AnswerMeta }> {
    const { position, meta } = await resolveAsOf(this.store, { ...query, minPosition: undefined });
    this.host.logReached(position);
    const reader = await this.readerAt(position, query.minPosition);
    if (!reader) throw new ServiceUnavailableException('The views have not caught up yet; try again shortly');
    return { position, reader, meta };
  }

  /** Each projection's position and the log's head; and, while the projections are stopped, why and until when. */
  status() {
    return { ...this.host.status(), stopped: this.stopped };
  }

  /**
   * Reads one row of the views through the connection queries use: resolves `opening` while
   * the projection thread has not opened them yet, `answering` once a read comes back, and
   * rejects when a read fails or takes over `timeoutMs` (a view store out of reach).
   */
  async probeViews(timeoutMs = 2000): Promise<'opening' | 'answering'> {
    if (!this.host.viewsOpen) return 'opening';
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The views did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      await Promise.race([this.host.readerAt(0n).get(REPORT_SUMMARY_VIEW, ''), late]);
      return 'answering';
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Each projection's lag: how many log positions it is behind the head, and how many seconds
   * ago the oldest event it has not applied was recorded (0 when it is caught up). Reads one
   * event per position the projections stand at behind the head. The head is the log's own
   * (while the projections are stopped, nothing else follows it); while the log cannot answer
   * (its own health check says so), the last head the projections saw, and no seconds.
   */
  async lag(): Promise<{ head: bigint; projections: ProjectionLag[]; stopped: ProjectionsStopped | undefined }> {
    const { projections, stopped, ...seen } = this.status();
    const now = Date.now();
    const waitingSince = new Map<bigint, number>();
    let head = seen.head;
    try {
      head = await this.store.headPosition();
      for (const p of projections) {
        if (p.position >= head || waitingSince.has(p.position)) continue;
        for await (const event of this.store.readAll({ fromPosition: p.position, batchSize: 1 })) {
          waitingSince.set(p.position, Date.parse(event.recordedAt));
          break;
        }
      }
    } catch {
      // The event store's check reports it down.
    }
    return {
      head,
      stopped,
      projections: projections.map((p) => {
        const since = waitingSince.get(p.position);
        return { ...p, lag: head > p.position ? head - p.position : 0n, lagSeconds: since === undefined ? 0 : Math.max(0, now - since) / 1000 };
      }),
    };
  }

  /** Starts the projections: running (catching up) from here; once caught up, a later stop pauses a second again. */
  private begin(): void {
    this.stopped = undefined;
    this.started = this.host.start(this.listeners).then(
      () => {
        this.restartAfterMs = RESTART_AFTER_MS.first;
      },
      (error: unknown) => this.restartLater(error),
    );
  }

  /** The projections stopped on an error: they resume from their checkpoints after a pause that grows while they keep failing. */
  private restartLater(error: unknown): void {
    if (this.shuttingDown) return;
    const seconds = this.restartAfterMs / 1000;
    this.stopped = { error, restartAt: new Date(Date.now() + this.restartAfterMs) };
    this.logger.error({ err: error, restartInSeconds: seconds }, `projections stopped; starting again in ${seconds} s`);
    this.restartTimer = setTimeout(() => this.begin(), this.restartAfterMs);
    this.restartAfterMs = Math.min(this.restartAfterMs * 2, RESTART_AFTER_MS.most);
  }

  /**
   * A reader of the views at `position`, once they have applied it and `waitFor` (a query's
   * minPosition); null when they have not within 5 s (the caller answers 503, Retry-After).
   */
  async readerAt(position: bigint, waitFor: bigint = position): Promise<ViewReader | null> {
    const ready = await this.host.waitFor(waitFor > position ? waitFor : position, MIN_POSITION_WAIT_MS);
    return ready ? this.host.readerAt(position) : null;
  }
}
