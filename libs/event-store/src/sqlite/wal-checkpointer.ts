import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { startWorker } from './start-worker.js';

/**
 * Moves a WAL database's checkpoints off the connection that writes: that connection stops
 * checkpointing itself (`wal_autocheckpoint = 0`), and a thread of its own checkpoints the
 * file every `intervalMs`.
 */
export class WalCheckpointer {
  private readonly worker: Worker;

  constructor(writer: Database.Database, file: string, intervalMs = 500, restartAbovePages = 2048) {
    writer.pragma('wal_autocheckpoint = 0');
    this.worker = startWorker(import.meta.url, 'wal-checkpointer.worker', { file, intervalMs, restartAbovePages });
    // It never keeps the process alive by itself.
    this.worker.unref();
  }

  /** Stops the thread (it reads the message once it has started) and closes its connection. */
  async close(): Promise<void> {
    this.worker.ref();
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('close');
    await exited;
  }
}
