import Database from 'better-sqlite3';
import { chainHash } from '../hash-chain.js';

type EventRow = {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  recorded_at: string;
  data: string;
  metadata: string;
  prev_hash: string;
};

/**
 * The insider's attack, for tests: replace one event's data in `events.db` and recompute every
 * later chain hash with the published formula, so the chain itself verifies again.
 */
export function rewriteHistory(file: string, position: number, rewrite: (data: Record<string, unknown>) => Record<string, unknown>): void {
  const db = new Database(file);
  try {
    db.transaction(() => {
      const target = db.prepare('SELECT data FROM events WHERE position = ?').get(position) as { data: string };
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(rewrite(JSON.parse(target.data))), position);
      const rows = db.prepare('SELECT * FROM events WHERE position >= ? ORDER BY position').all(position) as EventRow[];
      const update = db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE position = ?');
      let prevHash = rows[0]!.prev_hash;
      for (const row of rows) {
        const hash = chainHash(prevHash, {
          eventId: row.event_id,
          streamId: row.stream_id,
          revision: row.revision,
          type: row.type,
          schemaVersion: row.schema_version,
          recordedAt: row.recorded_at,
          dataJson: row.data,
          metadataJson: row.metadata,
        });
        update.run(prevHash, hash, row.position);
        prevHash = hash;
      }
    })();
  } finally {
    db.close();
  }
}
