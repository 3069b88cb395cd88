import { Binary, type Collection, MongoClient } from 'mongodb';
import type { SubjectKeyStore } from './subject-key-store.js';

interface KeyDocument {
  _id: string;
  key: Binary;
}

/**
 * The production key store: a MongoDB collection (`subject_keys`) apart from the views.
 * Connects lazily: every call waits for the connection. Destroying a key deletes its document
 * (majority write concern); MongoDB frees the space to its storage engine, which reuses it.
 */
export class MongoSubjectKeyStore implements SubjectKeyStore {
  private readonly keys: Collection<KeyDocument>;
  private readonly ready: Promise<void>;

  private constructor(
    private readonly client: MongoClient,
    database: string,
  ) {
    this.keys = client.db(database).collection<KeyDocument>('subject_keys');
    this.ready = client.connect().then(() => undefined);
    // A failed connection is reported by the first call that waits for it.
    this.ready.catch(() => undefined);
  }

  static open(url: string, options: { database?: string } = {}): MongoSubjectKeyStore {
    const client = new MongoClient(url, { writeConcern: { w: 'majority' } });
    return new MongoSubjectKeyStore(client, options.database ?? (client.options.dbName || 'lagesbild'));
  }

  async create(subjectId: string, key: Buffer): Promise<void> {
    await this.ready;
    await this.keys.updateOne({ _id: subjectId }, { $setOnInsert: { key: new Binary(key) } }, { upsert: true });
  }

  async get(subjectId: string): Promise<Buffer | undefined> {
    await this.ready;
    const found = await this.keys.findOne({ _id: subjectId });
    return found ? Buffer.from(found.key.buffer) : undefined;
  }

  async destroy(subjectId: string): Promise<void> {
    await this.ready;
    await this.keys.deleteOne({ _id: subjectId });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
