import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { type StoredEvent, openEventStore } from '@lagesbild/event-store';
import { StoreNotEmptyError, seedStore } from './seed.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-seed-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const until = new Date('2026-11-23T12:00:00Z');

async function readLog(dataDir: string): Promise<StoredEvent[]> {
  const store = openEventStore({ dataDir });
  try {
    const events: StoredEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  } finally {
    await store.close();
  }
}

/** Everything an event says except its random id. */
const fingerprint = (events: StoredEvent[]) =>
  createHash('sha256')
    .update(JSON.stringify(events.map((e) => [e.position.toString(), e.streamId, e.revision, e.type, e.recordedAt, e.data, e.metadata])))
    .digest('hex');

describe('seed --demo', () => {
  let events: StoredEvent[];

  it('writes the same history for the same seed, and another for another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const result = await seedStore({ dataDir: a }, { scope: 'demo', years: 2, seed: 7, until });
    await seedStore({ dataDir: b }, { scope: 'demo', years: 2, seed: 7, until });
    await seedStore({ dataDir: c }, { scope: 'demo', years: 2, seed: 8, until });
    events = await readLog(a);
    expect(result).toMatchObject({ events: events.length, from: '2024-11', to: '2026-10' });
    expect(fingerprint(await readLog(b))).toBe(fingerprint(events));
    expect(fingerprint(await readLog(c))).not.toBe(fingerprint(events));
  }, 60_000);

  it('gives Dalarna’s 15 municipalities two years of reports, some late, some amended, and the county’s work', () => {
    const all = events.filter((e) => e.type === 'SituationReportSubmitted').map((e) => e.data as { orgUnit: string; period: string; late: boolean });
    const submitted = all.filter((r) => r.orgUnit.startsWith('20'));
    expect(new Set(submitted.map((r) => r.orgUnit)).size).toBe(15);
    expect(new Set(submitted.map((r) => r.period)).size).toBe(24);
    // Besides Dalarna, Stockholm's districts report the last two periods.
    expect(new Set(all.filter((r) => !r.orgUnit.startsWith('20')).map((r) => r.orgUnit.slice(0, 5)))).toEqual(new Set(['0180-']));
    expect(submitted.filter((r) => r.late).length).toBeGreaterThan(5);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('SituationReportAmended')).toBeGreaterThan(10);
    expect(count('RegionalAssessmentRecorded')).toBeGreaterThanOrEqual(23);
    expect(count('CountyPeriodApproved')).toBeGreaterThanOrEqual(23);
    expect(count('CountyPeriodReopened')).toBeGreaterThan(0);
    const kinds = ['RiskIdentified', 'RiskReassessed', 'ActionProposed', 'ActionDecided', 'ActionStatusChanged', 'ActivityRecorded', 'TimeEntryRecorded', 'GoalDefined', 'GoalStatusReported', 'ReadinessFactRecorded', 'NarrativeSectionAuthored'];
    expect(kinds.filter((type) => count(type) === 0)).toEqual([]);
  });

  it('shows the whole loop: a draft of Ludvika’s report now due, reminders, support cases, support requests in each state', () => {
    const count = (type: string) => events.filter((e) => e.type === type).length;
    const due = '2026-10';
    expect(events.some((e) => e.streamId === `situation-report-2085-${due}`)).toBe(false);
    expect(events.filter((e) => e.type === 'DraftSaved').map((e) => [e.streamId, (e.metadata as { actor: { id: string } }).actor.id])).toEqual([
      [`draft-2085-${due}`, 'kim.kommun'],
      [`draft-2085-${due}`, 'kim.kommun'],
    ]);
    expect(count('ReminderRecorded')).toBeGreaterThan(0);
    expect(count('SupportCaseOpened')).toBe(3);
    expect(['SupportRequestOpened', 'SupportRequestAcknowledged', 'SupportRequestResolved', 'SupportRequestDeclined'].map(count)).toEqual([4, 1, 1, 1]);
  });

  it('spreads the history over the years it describes, in order, and marks it simulated', () => {
    const times = events.map((e) => e.recordedAt);
    expect([...times].sort()).toEqual(times);
    expect(times[0]! >= '2024-11-01').toBe(true);
    expect(times[times.length - 1]! <= until.toISOString()).toBe(true);
    expect(events.every((e) => (e.metadata as { simulated?: boolean }).simulated === true)).toBe(true);
    // A report is recorded in the month after its period, by the municipality's reporter.
    const report = events.find((e) => e.type === 'SituationReportSubmitted')!;
    const { period, orgUnit } = report.data as { period: string; orgUnit: string };
    expect(report.recordedAt.slice(0, 7) > period).toBe(true);
    expect((report.metadata as { actor: { org: string; roles: string[] } }).actor).toMatchObject({ org: orgUnit, roles: ['municipal_reporter'] });
  });

  it('refuses a store that already holds events, and writes nothing to it', async () => {
    const dir = tempDir();
    const store = openEventStore({ dataDir: dir });
    await store.append('probe-1', [{ type: 'Probe', data: {} }]);
    await store.close();
    await expect(seedStore({ dataDir: dir }, { scope: 'demo', years: 2, seed: 1, until })).rejects.toThrow(StoreNotEmptyError);
    expect(await readLog(dir)).toHaveLength(1);
  });
});
