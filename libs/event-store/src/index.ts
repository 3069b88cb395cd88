export * from './event-envelope.js';
export * from './event-store.port.js';
export * from './event-store.errors.js';
export * from './event-store.tokens.js';
export * from './clock.js';
export { GENESIS_HASH, chainHash, appendFingerprint } from './hash-chain.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store.js';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
export { EventStoreModule, openEventStore, type EventStoreSettings } from './event-store.module.js';
