import { join } from 'node:path';
import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { MongoSubjectKeyStore } from './mongodb-subject-key-store.js';
import { SUBJECT_KEY_STORE, SUBJECT_VAULT } from './personal-data.tokens.js';
import { SqliteSubjectKeyStore, type SubjectKeyStore } from './subject-key-store.js';
import { SubjectVault } from './subject-vault.js';

export interface PersonalDataSettings {
  /** Where the embedded key store lives (`<dataDir>/keys.db`). */
  dataDir: string;
  /** When set, the keys live in MongoDB's `subject_keys` collection instead. */
  mongoUrl?: string;
}

/** Opens the configured key store, apart from the log and the views: MongoDB's when a URL is given, else the embedded file. */
export function openSubjectKeyStore(settings: PersonalDataSettings): SubjectKeyStore {
  return settings.mongoUrl ? MongoSubjectKeyStore.open(settings.mongoUrl) : new SqliteSubjectKeyStore(join(settings.dataDir, 'keys.db'));
}

@Injectable()
class SubjectKeyStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(SUBJECT_KEY_STORE) private readonly keys: SubjectKeyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}

/** The subjects' key store under `SUBJECT_KEY_STORE` (closed at shutdown) and the vault over it under `SUBJECT_VAULT`. */
@Module({})
export class PersonalDataModule {
  static forRootAsync(options: {
    imports?: DynamicModule['imports'];
    inject?: unknown[];
    useFactory: (...args: never[]) => PersonalDataSettings | Promise<PersonalDataSettings>;
  }): DynamicModule {
    return {
      module: PersonalDataModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: SUBJECT_KEY_STORE,
          inject: (options.inject ?? []) as never[],
          useFactory: async (...args: never[]) => openSubjectKeyStore(await options.useFactory(...args)),
        },
        { provide: SUBJECT_VAULT, inject: [SUBJECT_KEY_STORE], useFactory: (keys: SubjectKeyStore) => new SubjectVault(keys) },
        SubjectKeyStoreCloser,
      ],
      exports: [SUBJECT_KEY_STORE, SUBJECT_VAULT],
    };
  }
}
