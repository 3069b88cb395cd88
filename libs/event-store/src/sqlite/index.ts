/**
 * The port and the embedded log alone, without the EventStoreDB adapter and the NestJS module:
 * a worker thread that reads or writes the log loads this much faster than the whole package.
 */
export * from '../event-store.port.js';
export type * from '../event-envelope.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store.js';
export { WalCheckpointer } from './wal-checkpointer.js';
export { startWorker } from './start-worker.js';
export { eventsOf, type DomainEvent, type RecordedEvent } from '../typed-reads.js';
