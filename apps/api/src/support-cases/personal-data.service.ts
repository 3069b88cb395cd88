import { join } from 'node:path';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SqliteSubjectKeyStore, SubjectVault } from '@lagesbild/personal-data';
import type { Environment } from '../config/environment.js';

/** The subjects' keys (DATA_DIR/keys.db, apart from the log and the views) and the vault that uses them. */
@Injectable()
export class PersonalDataService implements OnApplicationShutdown {
  private readonly keys: SqliteSubjectKeyStore;
  readonly vault: SubjectVault;

  constructor(config: ConfigService<Environment, true>) {
    this.keys = new SqliteSubjectKeyStore(join(config.get('DATA_DIR', { infer: true }), 'keys.db'));
    this.vault = new SubjectVault(this.keys);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}
