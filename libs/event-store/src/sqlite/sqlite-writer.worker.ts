/**
 * The writer thread of the embedded log: it owns the write connection, so the fsync of each
 * commit happens off the event loop and the next batch is prepared while this one commits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type AppendRequest, SqliteLogWriter, type SqliteLogWriterOptions } from './sqlite-log-writer.js';

export type WriterMessage = { kind: 'write'; id: number; batch: AppendRequest[]; recordedAt: string } | { kind: 'close' };

const { file, options } = workerData as { file: string; options: SqliteLogWriterOptions };
const writer = new SqliteLogWriter(file, options);
const port = parentPort!;

/** When the writer has been idle this long, what waits outside the stream index is moved in. */
const INDEX_WHEN_IDLE_MS = 20;
let idleIndexing: NodeJS.Timeout | undefined;

port.on('message', (message: WriterMessage) => {
  clearTimeout(idleIndexing);
  if (message.kind === 'close') {
    writer.close();
    port.close();
    return;
  }
  port.postMessage({ id: message.id, result: writer.write(message.batch, message.recordedAt) });
  if (writer.indexDue) writer.indexTail();
  if (writer.hasUnindexed) idleIndexing = setTimeout(() => writer.indexTail(), INDEX_WHEN_IDLE_MS);
});
port.postMessage({ ready: true });
