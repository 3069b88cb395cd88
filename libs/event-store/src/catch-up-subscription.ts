import type { CommitSignal } from './commit-signal.js';
import type { StoredEvent } from './event-envelope.js';
import type { EventHandler, SubscribeOptions, Subscription } from './event-store.port.js';

type ReadPage = (afterPosition: bigint, limit: number) => StoredEvent[] | Promise<StoredEvent[]>;

/**
 * Reads the log page by page from a position, hands each event to the handler in order,
 * and once at the head sleeps on the commit signal until the next commit.
 */
export class CatchUpSubscription implements Subscription {
  readonly done: Promise<void>;
  private closed = false;

  constructor(
    private readonly readPage: ReadPage,
    private readonly signal: CommitSignal,
    fromPosition: bigint,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions = {},
  ) {
    this.done = this.run(fromPosition);
    // The caller may observe failures through onError instead of `done`.
    this.done.catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.signal.wakeAll();
    await this.done.catch(() => undefined);
  }

  private async run(fromPosition: bigint): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    const startHead = this.signal.headPosition;
    let position = fromPosition;
    let caughtUp = false;
    try {
      while (!this.closed) {
        const page = await this.readPage(position, batchSize);
        for (const event of page) {
          if (this.closed) return;
          await this.handler(event);
          position = event.position;
        }
        if (!caughtUp && (page.length === 0 || position >= startHead)) {
          caughtUp = true;
          this.options.onCaughtUp?.(position);
        }
        if (page.length < batchSize && !this.closed) await this.signal.waitBeyond(position);
      }
    } catch (error) {
      this.closed = true;
      this.options.onError?.(error);
      throw error;
    }
  }
}
