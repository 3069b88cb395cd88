export * from './subject-key-store.js';
export * from './subject-vault.js';
export { MongoSubjectKeyStore } from './mongodb-subject-key-store.js';
