/**
 * Checkpoints a WAL database from its own thread and connection, so that the connection that
 * writes (on the event loop) never stops for the copy and the fsync a checkpoint makes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs, restartAbovePages } = workerData as { file: string; intervalMs: number; restartAbovePages: number };
const db = new Database(file);
db.pragma('busy_timeout = 1000');
const port = parentPort!;

const timer = setInterval(() => {
  try {
    // PASSIVE: copies what no reader still needs and never waits for readers or the writer.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    // Readers on other connections (the api's, beside a projection thread that writes) may keep
    // the writer from starting the WAL over, so it would only grow: once it is long, TRUNCATE
    // waits for them (briefly holding the writer back) and starts it over, empty.
    if ((result?.log ?? 0) >= restartAbovePages) db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Busy, or the disk is full: the next round tries again; the WAL keeps everything meanwhile.
  }
}, intervalMs);

port.on('message', (message: 'close') => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  port.close();
});
