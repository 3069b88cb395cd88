/**
 * Child process of the durability test: appends to the log given as argv[2] with several
 * concurrent writers, forever, printing one line per acknowledged append. The test kills
 * it with SIGKILL and then checks that every acknowledged event survived.
 */
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';

const [file, run = 'run'] = process.argv.slice(2);
if (!file) throw new Error('usage: append-until-killed <database file> [run id]');
const store = new SqliteEventStore({ file });
const writers = 8;

async function writer(w: number): Promise<never> {
  for (let i = 0; ; i += 1) {
    const streamId = `durability-${run}-${w}-${Math.floor(i / 10)}`;
    const result = await store.append(
      streamId,
      [{ type: 'DurabilityProbeAppended', data: { w, i, filler: 'x'.repeat(1500) } }],
      { expectedRevision: i % 10 === 0 ? 'no_stream' : (i % 10) - 1 },
    );
    process.stdout.write(`ack ${streamId} ${result.nextExpectedRevision} ${result.position}\n`);
  }
}

process.stdout.write('ready\n');
await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
