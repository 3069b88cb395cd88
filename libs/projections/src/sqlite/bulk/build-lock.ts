/**
 * What the connections building one file at once share, from any thread (a SharedArrayBuffer):
 * a lock each holds while it writes. The one waiting wakes the moment the file is free, where
 * SQLite's busy handler would sleep a millisecond or more.
 */
export class BuildLock {
  /** How long a connection waits for the other to finish writing before it gives up. */
  private static readonly WAIT_MS = 10_000;
  private readonly lock: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.lock = new Int32Array(buffer);
  }

  static create(): SharedArrayBuffer {
    return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  }

  exclusively(write: () => void): void {
    const deadline = Date.now() + BuildLock.WAIT_MS;
    while (!this.take()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('The other connection building this file has held it for too long');
      Atomics.wait(this.lock, 0, 1, left);
    }
    this.holding(write);
  }

  /** Writes if the other connection is not writing; else leaves it. */
  unlessBusy(write: () => void): void {
    if (this.take()) this.holding(write);
  }

  private take(): boolean {
    return Atomics.compareExchange(this.lock, 0, 0, 1) === 0;
  }

  private holding(write: () => void): void {
    try {
      write();
    } finally {
      Atomics.store(this.lock, 0, 0);
      Atomics.notify(this.lock, 0, 1);
    }
  }
}
