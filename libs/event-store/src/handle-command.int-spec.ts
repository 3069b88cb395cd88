import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ConflictError, type Decider } from '@lagesbild/domain';
import { WrongExpectedRevisionError } from './event-store.errors.js';
import { type CommandContext, handleCommand } from './handle-command.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';
import { aggregateStream, eventsOf, readEvents } from './typed-reads.js';

type Opened = { type: 'CounterOpened'; data: { name: string } };
type Bumped = { type: 'CounterBumped'; data: { by: number } };
type Command = { type: 'Open'; name: string } | { type: 'Bump'; by: number };
const counter: Decider<Command, Opened | Bumped, { open: boolean; total: number }> = {
  initialState: () => ({ open: false, total: 0 }),
  evolve: (s, e) => (e.type === 'CounterOpened' ? { ...s, open: true } : { ...s, total: s.total + e.data.by }),
  decide: (c, s) => {
    if (c.type === 'Open') {
      if (s.open) throw new ConflictError('already-open', 'already open');
      return [{ type: 'CounterOpened', data: { name: c.name } }];
    }
    return [{ type: 'CounterBumped', data: { by: c.by } }];
  },
};
const context: CommandContext = { actor: { id: 'u1', name: 'Ulla', roles: ['county_analyst'], org: '20' }, correlationId: 'corr-1' };

describe('handleCommand', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lagesbild-handle-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends what the decider decides, with the actor, correlation and reason in the metadata', async () => {
    const result = await handleCommand(store, counter, 'counter-1', { type: 'Open', name: 'a' }, { ...context, reason: 'för att' });
    expect(result).toMatchObject({ streamId: 'counter-1', revision: 0, position: 1n, duplicate: false });
    const [event] = await store.readStream('counter-1');
    expect(event!.metadata).toMatchObject({ actor: context.actor, correlationId: 'corr-1', reason: 'för att' });
  });

  it('answers a retry with the same idempotency key before deciding: no conflict, nothing appended', async () => {
    const keyed = { ...context, idempotencyKey: 'k1', fingerprint: 'f1' };
    const first = await handleCommand(store, counter, 'counter-1', { type: 'Open', name: 'a' }, keyed);
    const retry = await handleCommand(store, counter, 'counter-1', { type: 'Open', name: 'a' }, keyed);
    expect(retry).toEqual({ ...first, duplicate: true });
    expect(await store.headPosition()).toBe(1n);
    await expect(handleCommand(store, counter, 'counter-1', { type: 'Open', name: 'b' }, { ...keyed, fingerprint: 'f2' })).rejects.toMatchObject({
      code: 'idempotency-key-conflict',
    });
  });

  it('fails with the current revision when If-Match names another one', async () => {
    await handleCommand(store, counter, 'counter-1', { type: 'Open', name: 'a' }, context);
    await expect(handleCommand(store, counter, 'counter-1', { type: 'Bump', by: 1 }, { ...context, expectedRevision: 3 })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await store.headPosition()).toBe(1n);
  });

  it('decides again when another writer raced it, so concurrent commands all land', async () => {
    await handleCommand(store, counter, 'counter-1', { type: 'Open', name: 'a' }, context);
    await Promise.all(Array.from({ length: 3 }, () => handleCommand(store, counter, 'counter-1', { type: 'Bump', by: 1 }, context)));
    expect((await store.readStream('counter-1')).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
  });

  it('lets a domain error through and writes nothing', async () => {
    await handleCommand(store, counter, 'counter-1', { type: 'Open', name: 'a' }, context);
    await expect(handleCommand(store, counter, 'counter-1', { type: 'Open', name: 'a' }, context)).rejects.toBeInstanceOf(ConflictError);
    expect(await store.headPosition()).toBe(1n);
  });

  it('reads an aggregate back typed and folded, as of a position', async () => {
    await handleCommand(store, counter, 'counter-1', { type: 'Open', name: 'a' }, context);
    const bumped = await handleCommand(store, counter, 'counter-1', { type: 'Bump', by: 2 }, context);
    await handleCommand(store, counter, 'counter-1', { type: 'Bump', by: 5 }, context);

    expect(await aggregateStream(store, counter, 'counter-1')).toEqual({ state: { open: true, total: 7 }, revision: 2 });
    expect(await aggregateStream(store, counter, 'counter-1', { toPosition: bumped.position })).toEqual({ state: { open: true, total: 2 }, revision: 1 });
    expect(await aggregateStream(store, counter, 'counter-none')).toEqual({ state: { open: false, total: 0 }, revision: -1 });

    const events = await readEvents<Opened | Bumped>(store, 'counter-1');
    expect(events.map((e) => (e.type === 'CounterBumped' ? e.data.by : e.data.name))).toEqual(['a', 2, 5]);
    expect(events[2]).toMatchObject({ revision: 2, metadata: { actor: { id: 'u1' } } });
  });

  it('narrows a stored event to the events of an aggregate by its type', async () => {
    await handleCommand(store, counter, 'counter-1', { type: 'Open', name: 'a' }, context);
    await handleCommand(store, counter, 'counter-1', { type: 'Bump', by: 3 }, context);
    const isBump = eventsOf<Bumped>('CounterBumped');
    const stored = await store.readStream('counter-1');
    expect(stored.filter(isBump).map((e) => e.data.by)).toEqual([3]);
  });
});
