import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalTokens, type Role } from '@lagesbild/auth';
import { startApiProcess } from './support/api-process.js';

const SECRET = 'support-secret-support-secret-support-secret';
const PORT = 3518;
const base = `http://127.0.0.1:${PORT}/api/v1`;
const NAME = 'Zlatko Testberg-Åström';
const PIN = '19900101-2389';

/** Every file under a directory, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));

describe('support cases against the api process (its logs and files inspected)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-support-'));
  const tokens = new LocalTokens(SECRET);
  let api: ChildProcess;
  let output = '';
  let caseId: string;
  const as = async (role: Role, org: string) => ({ authorization: `Bearer ${await tokens.mint({ id: `${role}-${org}`, name: `${role} ${org}`, roles: [role], org })}` });
  const call = async (method: string, path: string, who: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers: { ...who, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json') && !(res.headers.get('content-type') ?? '').includes('ndjson');
    return { status: res.status, text, body: json && text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };

  beforeAll(async () => {
    const started = await startApiProcess(PORT, { DATA_DIR: dataDir, AUTH_SECRET: SECRET, LOG_LEVEL: 'debug' }, ['ignore', 'pipe', 'pipe']);
    api = started.child;
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  }, 30_000);
  afterAll(async () => {
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((resolve) => api.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens a case for a municipality of the worker’s county, and shows the subject only to the worker', async () => {
    const worker = await as('support_worker', '20');
    const opened = await call('POST', '/support-cases', worker, {
      municipality: '2085',
      category: 'radicalisation-concern',
      requestedSupport: 'Stöd i samtal med familjen',
      subject: { name: NAME, personalIdentityNumber: PIN, notes: 'Uppgifter från skolan' },
    });
    expect(opened.status).toBe(201);
    caseId = opened.body!.id as string;
    const details = await call('GET', `/support-cases/${caseId}?purpose=Planering%20av%20samtal`, worker);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ orgUnit: '2085', county: '20', status: 'open', subject: { name: NAME, personalIdentityNumber: PIN, notes: 'Uppgifter från skolan' } });

    expect((await call('POST', '/support-cases', await as('support_worker', '21'), { municipality: '2085', category: 'other', requestedSupport: 'x' })).status).toBe(403);
    for (const [role, org] of [['support_worker', '21'], ['county_analyst', '21'], ['national_reader', 'SE'], ['municipal_reporter', '2085'], ['auditor', 'SE']] as const) {
      expect([role, org, (await call('GET', `/support-cases/${caseId}`, await as(role, org))).status]).toEqual([role, org, 403]);
    }
    // The county's analyst reads everything in the county but personal data: the case, not the person.
    const analysts = await call('GET', `/support-cases/${caseId}`, await as('county_analyst', '20'));
    expect(analysts.status).toBe(200);
    expect(analysts.body).toMatchObject({ orgUnit: '2085', category: 'radicalisation-concern', subject: { withheld: true } });
    for (const detail of ['Zlatko', PIN, 'Uppgifter från skolan']) expect(analysts.text).not.toContain(detail);
  });

  it('records consultations, referrals and closure; analysts see counts, never the subject', async () => {
    const worker = await as('support_worker', '20');
    expect((await call('POST', `/support-cases/${caseId}/consultations`, worker, { date: new Date().toISOString().slice(0, 10), summary: 'Möte med skolan och socialtjänsten' })).status).toBe(201);
    expect((await call('POST', `/support-cases/${caseId}/referrals`, worker, { to: 'exit-programme', note: 'Kontakt med avhopparverksamhet' })).status).toBe(201);
    const bad = await call('POST', `/support-cases/${caseId}/referrals`, worker, { to: 'mars', note: 'x' });
    expect(bad.status).toBe(400);
    expect((bad.body!.errors as Array<{ path: string }>)[0]!.path).toBe('to');
    const closed = await call('POST', `/support-cases/${caseId}/closure`, worker, { outcome: 'Avslutat efter hänvisning' });
    expect(closed.status).toBe(201);

    const stats = await call('GET', `/support-cases/statistics?orgUnit=20&minPosition=${closed.body!.position}`, await as('county_analyst', '20'));
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ total: 1, open: 0, byCategory: { 'radicalisation-concern': 1 }, byMunicipality: { '2085': 1 } });
    const national = await call('GET', '/support-cases/statistics?orgUnit=SE', await as('national_reader', 'SE'));
    expect(national.body).toMatchObject({ total: 1 });
    const list = await call('GET', '/support-cases', worker);
    expect(list.body!.items).toEqual([expect.objectContaining({ caseId, status: 'closed', consultations: 1, referrals: ['exit-programme'], subject: 'present' })]);
    const analysts = await call('GET', '/support-cases?municipality=2085', await as('county_analyst', '20'));
    expect(analysts.body!.items).toEqual(list.body!.items);
    // The analyst's view of the case: its facts, not its free texts, which may name the person.
    const facts = await call('GET', `/support-cases/${caseId}`, await as('county_analyst', '20'));
    expect(facts.body).toMatchObject({ status: 'closed', consultations: [{ date: expect.any(String) }], referrals: [{ to: 'exit-programme' }], textsWithheld: true, subject: { withheld: true } });
    for (const text of ['Möte med skolan', 'Kontakt med avhopparverksamhet', 'Avslutat efter hänvisning']) expect(facts.text).not.toContain(text);
    expect((await call('GET', '/support-cases', await as('county_analyst', '21'))).body!.items).toEqual([]);
    for (const answer of [stats, national, list, analysts]) expect(answer.text).not.toContain('Zlatko');
  });

  it('logs every read of the case, and reads of the log too', async () => {
    const worker = await as('support_worker', '20');
    const log = await call('GET', `/support-cases/${caseId}/access-log`, worker);
    expect(log.status).toBe(200);
    const items = log.body!.items as Array<{ read: string; purpose?: string; actor: { id: string } }>;
    expect(items.map((i) => [i.read, i.purpose, i.actor.id])).toEqual([
      ['details', 'Planering av samtal', 'support_worker-20'],
      ['details', undefined, 'county_analyst-20'],
      ['details', undefined, 'county_analyst-20'],
      ['access-log', undefined, 'support_worker-20'],
    ]);
    const again = await call('GET', `/support-cases/${caseId}/access-log`, worker);
    expect((again.body!.items as unknown[]).length).toBe(5);
  });

  it('answers the case and its access log as known at a moment (asOf, asOfPosition), with meta', async () => {
    const worker = await as('support_worker', '20');
    const opened = await call('POST', '/support-cases', worker, { municipality: '2080', category: 'other', requestedSupport: 'Råd till skolan' });
    const openedAt = opened.body!.position as string;
    const consulted = await call('POST', `/support-cases/${opened.body!.id}/consultations`, worker, { date: new Date().toISOString().slice(0, 10), summary: 'Samtal med rektor' });
    expect(consulted.status).toBe(201);

    const now = await call('GET', `/support-cases/${opened.body!.id}`, worker);
    expect(now.body).toMatchObject({ status: 'open', consultations: [{ summary: 'Samtal med rektor' }] });
    const then = await call('GET', `/support-cases/${opened.body!.id}?asOfPosition=${openedAt}`, worker);
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({ consultations: [], revision: 0, meta: { position: openedAt } });
    const before = await call('GET', `/support-cases/${opened.body!.id}?asOfPosition=${BigInt(openedAt) - 1n}`, worker);
    expect(before.status).toBe(404);
    expect(before.text).not.toContain('Råd till skolan');
    const bad = await call('GET', `/support-cases/${opened.body!.id}?asOf=2026-02-30T00:00:00Z`, worker);
    expect(bad.status).toBe(400);
    expect((bad.body!.errors as Array<{ path: string }>)[0]!.path).toBe('asOf');

    // The log of reads as of the first read: that read alone (the reads since, this one included, came later).
    const log = await call('GET', `/support-cases/${opened.body!.id}/access-log`, worker);
    const first = (log.body!.items as Array<{ position: string }>)[0]!.position;
    const asOfFirst = await call('GET', `/support-cases/${opened.body!.id}/access-log?asOfPosition=${first}`, worker);
    expect(asOfFirst.body).toMatchObject({ items: [{ position: first, read: 'details' }], meta: { position: first } });
  });

  it('shows auditors the trail with the subject sealed, in every export', async () => {
    const auditor = await as('auditor', 'SE');
    for (const format of ['json', 'ndjson', 'csv']) {
      const trail = await call('GET', `/audit?format=${format}`, auditor).then((r) => r.text);
      expect(trail).toContain('SupportCaseOpened');
      expect(trail).not.toContain('Zlatko');
      expect(trail).not.toContain(PIN);
    }
    const opened = (await call('GET', '/audit?type=SupportCaseOpened', auditor)).body!.items as Array<{ data: { subject: unknown } }>;
    expect(opened[0]!.data.subject).toEqual({ subjectId: expect.any(String), encrypted: true });
  });

  it('shows the national reader that support cases were worked, by whom and when, but none of their details', async () => {
    const stream = `support-case-${caseId}`;
    const analysts = (await call('GET', `/audit?stream=${stream}`, await as('county_analyst', '20'))).body!.items as Array<{ data: { category?: string } }>;
    expect(analysts[0]!.data.category).toBe('radicalisation-concern');
    for (const format of ['json', 'ndjson', 'csv']) {
      const trail = await call('GET', `/audit?format=${format}`, await as('national_reader', 'SE')).then((r) => r.text);
      expect(trail).toContain('SupportCaseOpened');
      for (const detail of ['radicalisation-concern', 'Stöd i samtal med familjen', 'Möte med skolan', 'Planering av samtal', 'exit-programme']) expect([format, detail, trail.includes(detail)]).toEqual([format, detail, false]);
    }
    const items = (await call('GET', `/audit?stream=${stream}`, await as('national_reader', 'SE'))).body!.items as Array<Record<string, unknown>>;
    expect(items.map((i) => i.type)).toEqual(['SupportCaseOpened', 'SupportCaseConsulted', 'SupportCaseReferred', 'SupportCaseClosed']);
    for (const item of items) expect(item).toMatchObject({ data: { withheld: true }, actor: { id: 'support_worker-20' }, orgUnit: '2085' });
  });

  it('erases the subject for good: the case shows it erased, and no file under DATA_DIR holds the name or number', async () => {
    const worker = await as('support_worker', '20');
    const erased = await call('POST', `/support-cases/${caseId}/subject/erasure`, worker, { legalBasis: 'Dataskyddsförordningen art. 17.1 a' });
    expect(erased.status).toBe(200);
    const details = await call('GET', `/support-cases/${caseId}`, worker);
    expect(details.body!.subject).toMatchObject({ erased: true, legalBasis: 'Dataskyddsförordningen art. 17.1 a' });
    expect(details.body).toMatchObject({ status: 'closed', category: 'radicalisation-concern', referrals: [expect.objectContaining({ to: 'exit-programme' })] });
    expect((await call('POST', `/support-cases/${caseId}/subject/erasure`, worker, { legalBasis: 'igen' })).status).toBe(409);
    const audited = (await call('GET', `/audit?type=SupportCaseOpened,SupportCaseSubjectErased&stream=support-case-${caseId}`, await as('auditor', 'SE'))).body!.items as Array<{ type: string; data: { subject?: unknown }; reason?: string }>;
    expect(audited[0]!.data.subject).toEqual({ subjectId: expect.any(String), erased: true });
    expect(audited[1]).toMatchObject({ type: 'SupportCaseSubjectErased', reason: 'Dataskyddsförordningen art. 17.1 a' });

    api.kill('SIGTERM');
    expect(await new Promise((resolve) => api.once('exit', resolve))).toBe(0);
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('keys.db'))).toBe(true);
    for (const needle of [NAME, 'Zlatko', PIN, '199001012389']) {
      expect(files.filter((f) => readFileSync(f).includes(Buffer.from(needle, 'utf8')))).toEqual([]);
    }
  }, 30_000);

  it('wrote no personal data to its logs (a debug-level run)', () => {
    expect(output.length).toBeGreaterThan(1000);
    expect(output).toContain('/support-cases');
    for (const needle of ['Zlatko', PIN]) expect(output.includes(needle)).toBe(false);
  });
});
