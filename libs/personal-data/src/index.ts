export * from './subject-key-store.js';
export * from './subject-vault.js';
