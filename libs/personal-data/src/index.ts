export * from './subject-key-store.js';
export * from './subject-vault.js';
export { MongoSubjectKeyStore } from './mongodb-subject-key-store.js';
export { SUBJECT_KEY_STORE, SUBJECT_VAULT } from './personal-data.tokens.js';
export { PersonalDataModule, openSubjectKeyStore, type PersonalDataSettings } from './personal-data.module.js';
