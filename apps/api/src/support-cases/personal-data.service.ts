import { join } from 'node:path';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongoSubjectKeyStore, SqliteSubjectKeyStore, type SubjectKeyStore, SubjectVault } from '@lagesbild/personal-data';
import type { Environment } from '../config/environment.js';

/**
 * The subjects' keys — DATA_DIR/keys.db, or the `subject_keys` collection with MONGODB_URL —
 * apart from the log and the views, and the vault that uses them.
 */
@Injectable()
export class PersonalDataService implements OnApplicationShutdown {
  readonly keys: SubjectKeyStore;
  readonly vault: SubjectVault;

  constructor(config: ConfigService<Environment, true>) {
    const mongoUrl = config.get('MONGODB_URL', { infer: true });
    this.keys = mongoUrl ? MongoSubjectKeyStore.open(mongoUrl) : new SqliteSubjectKeyStore(join(config.get('DATA_DIR', { infer: true }), 'keys.db'));
    this.vault = new SubjectVault(this.keys);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}
