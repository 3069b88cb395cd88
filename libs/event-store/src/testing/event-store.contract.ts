import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, test } from '@jest/globals';
import type { StoredEvent } from '../event-envelope.js';
import { IdempotencyKeyConflictError, WrongExpectedRevisionError } from '../event-store.errors.js';
import { type EventStore, selects } from '../event-store.port.js';

export interface EventStoreContractOptions {
  /** Opens a store for the suite; it is closed after the suite. */
  create: () => Promise<EventStore>;
  /** Cleans up after the store is closed (a temp directory, say). */
  dispose?: () => Promise<void>;
  /** When set, the suite is reported as skipped with this reason instead of run. */
  skipReason?: string;
}

const payload = (n: number) => ({ n, text: `händelse ${n} – åäö`, filler: 'x'.repeat(200) });
const newEvents = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => ({ type: 'ContractEventRecorded', data: payload(from + i) }));

async function collect(iterable: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

/**
 * The one contract every event-store adapter passes (STYLE.md rule 7). It uses fresh stream
 * names and positions relative to the head it finds, so it also runs against a shared server.
 */
export function describeEventStoreContract(adapter: string, options: EventStoreContractOptions): void {
  if (options.skipReason) {
    process.stderr.write(`\n  SKIPPED: event store contract suite for ${adapter} — ${options.skipReason}\n\n`);
    describe(`event store contract: ${adapter}`, () => {
      test.skip(`SKIPPED — ${options.skipReason}`, () => undefined);
    });
    return;
  }

  describe(`event store contract: ${adapter}`, () => {
    let store: EventStore;
    const stream = (name: string) => `contract-${name}-${randomUUID()}`;

    beforeAll(async () => {
      store = await options.create();
    });
    afterAll(async () => {
      await store.close();
      await options.dispose?.();
    });

    it('stores events with the envelope: ids, revisions, positions, recordedAt, data and metadata', async () => {
      const id = stream('envelope');
      const before = Date.now();
      const result = await store.append(
        id,
        [
          { type: 'ContractEventRecorded', data: payload(1), metadata: { correlationId: 'c-1', reason: 'för att' } },
          { type: 'ContractEventRecorded', schemaVersion: 2, data: payload(2) },
        ],
        { expectedRevision: 'no_stream' },
      );
      const after = Date.now();

      expect(result.nextExpectedRevision).toBe(1);
      expect(result.duplicate).toBe(false);
      const events = await store.readStream(id);
      expect(events.map((e) => e.revision)).toEqual([0, 1]);
      expect(events.map((e) => e.data)).toEqual([payload(1), payload(2)]);
      expect(events[0]!.metadata).toMatchObject({ correlationId: 'c-1', reason: 'för att' });
      expect(events[1]!.schemaVersion).toBe(2);
      expect(events[1]!.position).toBe(result.position);
      expect(events[0]!.position).toBe(result.firstPosition);
      expect(new Set(events.map((e) => e.eventId)).size).toBe(2);
      const recorded = Date.parse(events[0]!.recordedAt);
      expect(recorded).toBeGreaterThanOrEqual(before - 1000);
      expect(recorded).toBeLessThanOrEqual(after + 1000);
      expect(events[0]!.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    });

    it('gives strictly increasing positions across streams, gapless where the adapter promises it', async () => {
      const from = await store.headPosition();
      const a = stream('order-a');
      const b = stream('order-b');
      for (let i = 0; i < 5; i += 1) {
        await store.append(a, newEvents(1, i));
        await store.append(b, newEvents(2, i * 2));
      }
      const all = (await collect(store.readAll({ fromPosition: from }))).filter(
        (e) => e.streamId === a || e.streamId === b,
      );
      expect(all).toHaveLength(15);
      for (let i = 1; i < all.length; i += 1) {
        expect(all[i]!.position > all[i - 1]!.position).toBe(true);
        if (store.capabilities.gaplessPositions) expect(all[i]!.position).toBe(all[i - 1]!.position + 1n);
      }
      expect(all.filter((e) => e.streamId === b).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(all[all.length - 1]!.position);
    });

    it('checks expected revisions and writes nothing when a check fails', async () => {
      const id = stream('expected');
      await store.append(id, newEvents(2), { expectedRevision: 'no_stream' });
      const head = await store.headPosition();

      await expect(store.append(id, newEvents(1), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      const stale = store.append(id, newEvents(1), { expectedRevision: 0 });
      await expect(stale).rejects.toMatchObject({ streamId: id, expected: 0, actual: 1 });
      await expect(store.append(stream('missing'), newEvents(1), { expectedRevision: 3 })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await store.headPosition()).toBe(head);
      expect(await store.readStream(id)).toHaveLength(2);

      expect((await store.append(id, newEvents(1), { expectedRevision: 1 })).nextExpectedRevision).toBe(2);
      expect((await store.append(id, newEvents(1), { expectedRevision: 'any' })).nextExpectedRevision).toBe(3);
    });

    it('lets exactly one of 50 concurrent appends with the same expected revision succeed', async () => {
      const id = stream('race');
      await store.append(id, newEvents(1), { expectedRevision: 'no_stream' });
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => store.append(id, newEvents(1, 100 + i), { expectedRevision: 0 })),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      for (const r of lost) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0, 1]);
    });

    it('lets concurrent appends to different streams all succeed, each at its own position', async () => {
      const ids = Array.from({ length: 50 }, (_, i) => stream(`parallel-${i}`));
      const results = await Promise.all(
        ids.map((id, i) => store.append(id, newEvents(2, i * 2), { expectedRevision: 'no_stream' })),
      );
      const positions = results.flatMap((r) => [r.firstPosition, r.position]);
      expect(new Set(positions.map(String)).size).toBe(100);
      for (const [i, id] of ids.entries()) {
        const events = await store.readStream(id);
        expect(events.map((e) => e.data)).toEqual([payload(i * 2), payload(i * 2 + 1)]);
      }
    });

    it('bounds readAll and readStream by position and revision', async () => {
      const id = stream('bounds');
      const from = await store.headPosition();
      const first = await store.append(id, newEvents(3, 0));
      const second = await store.append(id, newEvents(3, 3));

      const all = await collect(store.readAll({ fromPosition: from, batchSize: 2 }));
      const ours = all.filter((e) => e.streamId === id);
      expect(ours.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5]);

      const upTo = await collect(store.readAll({ fromPosition: from, toPosition: first.position }));
      expect(upTo.filter((e) => e.streamId === id)).toHaveLength(3);
      expect(upTo.every((e) => e.position <= first.position && e.position > from)).toBe(true);

      const after = await collect(store.readAll({ fromPosition: first.position, toPosition: second.position }));
      expect(after.filter((e) => e.streamId === id).map((e) => e.revision)).toEqual([3, 4, 5]);

      expect((await store.readStream(id, { toPosition: first.position })).map((e) => e.revision)).toEqual([0, 1, 2]);
      expect((await store.readStream(id, { fromRevision: 4 })).map((e) => e.revision)).toEqual([4, 5]);
      expect(await store.readStream(stream('never-written'))).toEqual([]);
    });

    it('reads the events of the types asked for, in order, all of them (a store may add others)', async () => {
      const id = stream('types');
      const from = await store.headPosition();
      await store.append(id, [
        { type: 'ContractEventRecorded', data: payload(0) },
        { type: 'ContractOtherRecorded', data: payload(1) },
        { type: 'ContractEventRecorded', data: payload(2) },
        { type: 'ContractThirdRecorded', data: payload(3) },
      ]);
      const read = await collect(store.readAll({ fromPosition: from, batchSize: 1, select: [{ types: ['ContractEventRecorded', 'ContractThirdRecorded'] }] }));
      const asked = read.filter((e) => e.streamId === id && e.type !== 'ContractOtherRecorded');
      expect(asked.map((e) => (e.data as { n: number }).n)).toEqual([0, 2, 3]);
    });

    it('reads the events of a range of streams, in order, all of them (a store may add others)', async () => {
      const run = randomUUID();
      const from = await store.headPosition();
      for (const [i, part] of ['a', 'b', 'c', 'b'].entries()) await store.append(`contract-range-${run}-${part}`, [{ type: 'ContractEventRecorded', data: payload(i) }], { expectedRevision: 'any' });
      const range = { from: `contract-range-${run}-b`, to: `contract-range-${run}-c` };
      for (const types of [undefined, ['ContractEventRecorded']]) {
        const read = await collect(store.readAll({ fromPosition: from, batchSize: 1, select: [{ types, streams: range }] }));
        const asked = read.filter((e) => e.streamId >= range.from && e.streamId < range.to);
        expect(asked.map((e) => (e.data as { n: number }).n)).toEqual([1, 3]);
      }
    });

    it('reads what any of several selections takes, in order, each event once', async () => {
      const run = randomUUID();
      const from = await store.headPosition();
      const events = [
        ['a', 'ContractEventRecorded'],
        ['b', 'ContractOtherRecorded'],
        ['c', 'ContractEventRecorded'],
        ['b', 'ContractEventRecorded'],
        ['a', 'ContractThirdRecorded'],
      ] as const;
      for (const [i, [part, type]] of events.entries()) await store.append(`contract-select-${run}-${part}`, [{ type, data: payload(i) }], { expectedRevision: 'any' });
      const select = [{ types: ['ContractThirdRecorded'] }, { types: ['ContractEventRecorded', 'ContractThirdRecorded'], streams: { from: `contract-select-${run}-b`, to: `contract-select-${run}-c` } }];
      const read = await collect(store.readAll({ fromPosition: from, batchSize: 1, select }));
      const taken = read.filter((e) => e.streamId.startsWith(`contract-select-${run}-`) && select.some((selection) => selects(selection, e)));
      expect(taken.map((e) => (e.data as { n: number }).n)).toEqual([3, 4]);
    });

    it('reads events for their data alone: the same events, ids, streams, revisions, positions, times and data', async () => {
      const id = stream('data-only');
      const from = await store.headPosition();
      await store.append(id, [
        { type: 'ContractEventRecorded', data: payload(0), metadata: { correlationId: 'c-data-only' } },
        { type: 'ContractOtherRecorded', data: payload(1) },
      ]);
      const mine = (events: StoredEvent[]) => events.filter((e) => e.streamId === id);
      const whole = mine(await collect(store.readAll({ fromPosition: from })));
      const selections = [
        [{ dataOnly: true }],
        [{ types: ['ContractEventRecorded', 'ContractOtherRecorded'], dataOnly: true }],
        [{ types: ['ContractEventRecorded'], dataOnly: true }, { types: ['ContractOtherRecorded'] }],
      ];
      for (const select of selections) {
        const read = mine(await collect(store.readAll({ fromPosition: from, batchSize: 1, select })));
        const dataOf = ({ eventId, type, schemaVersion, streamId, revision, position, recordedAt, data }: StoredEvent) => ({ eventId, type, schemaVersion, streamId, revision, position, recordedAt, data });
        expect(read.map(dataOf)).toEqual(whole.map(dataOf));
        expect(read.map((e) => (e.data as { n: number }).n)).toEqual([0, 1]);
      }
    });

    it('catches a subscription up from a position and then follows the live tail', async () => {
      const id = stream('subscription');
      const from = await store.headPosition();
      await store.append(id, newEvents(5, 0));

      const seen: number[] = [];
      let caughtUpAt: bigint | undefined;
      let wake: () => void = () => undefined;
      const sawEight = new Promise<void>((resolve) => (wake = resolve));
      const subscription = store.subscribeAll(
        from,
        (event) => {
          if (event.streamId !== id) return;
          seen.push((event.data as { n: number }).n);
          if (seen.length === 8) wake();
        },
        { batchSize: 2, onCaughtUp: (position) => (caughtUpAt = position) },
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).toEqual([0, 1, 2, 3, 4]);
      expect(caughtUpAt).toBeDefined();

      await store.append(id, newEvents(3, 5));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        sawEight,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('live events did not arrive')), 5000))),
      ]).finally(() => clearTimeout(timer));
      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      await subscription.close();
      await store.append(id, newEvents(1, 8));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seen).toHaveLength(8);
    });

    it('answers a retry with the same idempotency key with the first result and appends nothing', async () => {
      const id = stream('idempotent');
      const key = `key-${randomUUID()}`;
      const first = await store.append(id, newEvents(2), { expectedRevision: 'no_stream', idempotencyKey: key });
      const head = await store.headPosition();

      const retry = await store.append(id, newEvents(2), { expectedRevision: 'no_stream', idempotencyKey: key });
      expect(retry).toMatchObject({
        duplicate: true,
        position: first.position,
        nextExpectedRevision: first.nextExpectedRevision,
      });
      expect(await store.headPosition()).toBe(head);
      const events = await store.readStream(id);
      expect(events).toHaveLength(2);
      expect(events[0]!.metadata.idempotencyKey).toBe(key);

      const found = await store.findIdempotentAppend(key, id);
      expect(found?.result).toMatchObject({ streamId: id, position: first.position, nextExpectedRevision: 1 });
      expect(found?.fingerprint).toBeTruthy();
      expect(await store.findIdempotentAppend(`unknown-${randomUUID()}`, id)).toBeUndefined();

      await expect(store.append(id, newEvents(2, 7), { idempotencyKey: key })).rejects.toBeInstanceOf(
        IdempotencyKeyConflictError,
      );
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('maps an instant to the last position recorded by then', async () => {
      const id = stream('as-of');
      const before = await store.append(id, newEvents(1));
      await new Promise((resolve) => setTimeout(resolve, 15));
      const instant = new Date();
      await new Promise((resolve) => setTimeout(resolve, 15));
      const after = await store.append(id, newEvents(1, 1));
      const at = await store.positionAt(instant);
      expect(at).toBeGreaterThanOrEqual(before.position);
      expect(at).toBeLessThan(after.position);
      expect(await store.positionAt(new Date('1990-01-01T00:00:00Z'))).toBe(0n);
      expect(await store.positionAt(new Date(Date.now() + 60_000))).toBe(await store.headPosition());
    });

    it('verifies an untouched log, whole or as it stood at a position', async () => {
      const result = await store.verify();
      expect(result.ok).toBe(true);
      expect(result.checked).toBeGreaterThan(0);
      expect(result.firstBrokenPosition).toBeUndefined();
      const first = await store.append(stream('verify'), newEvents(2));
      let before = 0; // the events other tests of the suite have appended
      for await (const _event of store.readAll({ toPosition: first.firstPosition - 1n })) before += 1;
      expect(await store.verify({ toPosition: first.firstPosition - 1n })).toEqual({ ok: true, checked: before });
      expect(await store.verify({ toPosition: first.position })).toEqual({ ok: true, checked: before + 2 });
    });
  });
}
