import { describe, expect, it } from '@jest/globals';
import { AnswerMemo } from './answer-memo.js';
import type { ViewReader } from './view-store.port.js';

/** Views as plain maps; each read is counted, so a test sees whether an answer was computed again. */
function views(rows: Record<string, Record<string, unknown>>) {
  const reads = { count: 0 };
  const reader: ViewReader = {
    get: async <T>(view: string, key: string) => {
      reads.count += 1;
      return rows[view]?.[key] as T | undefined;
    },
    list: async <T>(view: string, prefix: string) => {
      reads.count += 1;
      return Object.entries(rows[view] ?? {})
        .filter(([key]) => key.startsWith(prefix))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => ({ key, value: value as T }));
    },
  };
  return { rows, reader, reads };
}

/** An answer from one row and one key range, as a situation or a trend query reads them. */
const countyAnswer = async (reader: ViewReader) => ({
  approval: await reader.get('approval', '20|2026-06'),
  reports: (await reader.list<number>('report', '2085|')).map((r) => r.value),
});

/** The answer at `position`: the remembered one, or computed (and remembered) afresh. */
const ask = async (memo: AnswerMemo, reader: ViewReader, position: bigint) =>
  JSON.parse(memo.get('county', position) ?? (await memo.remember('county', position, reader, countyAnswer))) as unknown;

describe('AnswerMemo', () => {
  it('answers a question asked again from memory while nothing it read has changed', async () => {
    const memo = new AnswerMemo();
    const v = views({ approval: { '20|2026-06': { approved: true } }, report: { '2085|2026-05': 2, '2085|2026-06': 3 } });
    expect(await ask(memo, v.reader, 10n)).toEqual({ approval: { approved: true }, reports: [2, 3] });
    const readsOnce = v.reads.count;
    // Another view's row and another key range of the same view change: the answer stands.
    memo.changed([['risk', '20|r1'], ['report', '2080|2026-06']], 11n);
    expect(await ask(memo, v.reader, 12n)).toEqual({ approval: { approved: true }, reports: [2, 3] });
    expect(v.reads.count).toBe(readsOnce);
  });

  it('forgets an answer when a row it read changes, and when a key in a range it listed does', async () => {
    const memo = new AnswerMemo();
    const v = views({ approval: { '20|2026-06': { approved: true } }, report: { '2085|2026-06': 3 } });
    await ask(memo, v.reader, 10n);
    v.rows.approval!['20|2026-06'] = { approved: false };
    memo.changed([['approval', '20|2026-06']], 11n);
    expect(await ask(memo, v.reader, 11n)).toEqual({ approval: { approved: false }, reports: [3] });

    // A new key inside the listed range (a new month's report) is a change to that answer too.
    v.rows.report!['2085|2026-07'] = 1;
    memo.changed([['report', '2085|2026-07']], 12n);
    expect(await ask(memo, v.reader, 12n)).toEqual({ approval: { approved: false }, reports: [3, 1] });
  });

  it('keeps no answer computed while a change came in, nor one computed below a change it knows of', async () => {
    const memo = new AnswerMemo();
    const v = views({ report: { '2085|2026-06': 3 } });
    await memo.remember('county', 10n, v.reader, async (reader) => {
      const answer = await countyAnswer(reader);
      memo.changed([['approval', '20|2026-06']], 11n);
      return answer;
    });
    expect(memo.get('county', 11n)).toBeUndefined();

    // The views have applied a change at 12; an answer read as of 11 does not show it.
    memo.changed([['report', '2085|2026-06']], 12n);
    await memo.remember('county', 11n, v.reader, countyAnswer);
    expect(memo.get('county', 12n)).toBeUndefined();
  });

  it('does not give an answer computed at a later head to a caller at an earlier one', async () => {
    const memo = new AnswerMemo();
    const v = views({ report: { '2085|2026-06': 3 } });
    await memo.remember('county', 20n, v.reader, countyAnswer);
    expect(memo.get('county', 19n)).toBeUndefined();
    expect(memo.get('county', 20n)).toBeDefined();
  });

  it('forgets everything when the versions that serve the views change, and the least recently used past its capacity', async () => {
    const memo = new AnswerMemo(2);
    const v = views({ report: {} });
    for (const id of ['a', 'b', 'c']) await memo.remember(id, 1n, v.reader, countyAnswer);
    expect([memo.get('a', 1n), memo.get('b', 1n) !== undefined, memo.get('c', 1n) !== undefined]).toEqual([undefined, true, true]);
    memo.clear();
    expect(memo.size).toBe(0);
    expect(memo.get('c', 1n)).toBeUndefined();
  });
});
