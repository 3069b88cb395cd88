/**
 * Wakes whoever waits for the log to grow past a position, the moment a commit lands:
 * the live tail has no polling delay.
 */
export class CommitSignal {
  private waiters: Array<() => void> = [];

  constructor(private head: bigint) {}

  get headPosition(): bigint {
    return this.head;
  }

  notify(head: bigint): void {
    if (head > this.head) this.head = head;
    this.wakeAll();
  }

  /** Resolves when the head is beyond `position`, or when `wakeAll` is called (close). */
  waitBeyond(position: bigint): Promise<void> {
    if (this.head > position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
