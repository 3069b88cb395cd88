import { Inject, Injectable } from '@nestjs/common';
import { SUBJECT_KEY_STORE, SUBJECT_VAULT, type SubjectKeyStore, type SubjectVault } from '@lagesbild/personal-data';

/**
 * The subjects' keys and the vault that uses them, as `PersonalDataModule` opened them
 * (DATA_DIR/keys.db, or the `subject_keys` collection with MONGODB_URL).
 */
@Injectable()
export class PersonalDataService {
  constructor(
    @Inject(SUBJECT_KEY_STORE) readonly keys: SubjectKeyStore,
    @Inject(SUBJECT_VAULT) readonly vault: SubjectVault,
  ) {}
}
