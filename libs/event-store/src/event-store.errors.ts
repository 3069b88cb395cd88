import type { ExpectedRevision } from './event-store.port.js';

/** Base of every error the event store raises; `code` is stable and mapped to HTTP by the api. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'wrong-expected-revision';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at revision ${actual < 0 ? '(none)' : actual}, expected ${String(expected)}`);
  }
}

/** The same idempotency key was used before for a different append. */
export class IdempotencyKeyConflictError extends EventStoreError {
  readonly code = 'idempotency-key-conflict';

  constructor(readonly idempotencyKey: string) {
    super(`Idempotency key ${JSON.stringify(idempotencyKey)} was already used for a different request`);
  }
}

export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'duplicate-event-id';

  constructor(readonly eventId: string) {
    super(`An event with id ${eventId} is already stored`);
  }
}

/** The store cannot take writes right now (disk full, I/O error, server down). Nothing was written. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'event-store-unavailable';
}

export class EventStoreClosedError extends EventStoreError {
  readonly code = 'event-store-closed';

  constructor() {
    super('The event store is closed');
  }
}
