import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@lagesbild/auth';
import { CheckedClient } from './support/checked-client.js';
import { type TestApp, startTestApp } from './support/test-app.js';

/**
 * Every route of the app, called as every role — happy paths and the usual errors (400 with
 * errors[], 401, 403, 404, 409, 412, 413, 415, 422, 503) — and every real answer checked
 * against the app's own OpenAPI document with ajv: an answer the document does not describe
 * (its status, content type or body) is a violation, and there must be none.
 */
describe('real answers against the OpenAPI document', () => {
  let t: TestApp;
  let api: CheckedClient;
  const who: Partial<Record<'reporter' | 'analyst' | 'worker' | 'national' | 'auditor' | 'admin', Record<string, string>>> = {};
  const ROLES: Array<[keyof typeof who, Role, string]> = [
    ['reporter', 'municipal_reporter', '2085'],
    ['analyst', 'county_analyst', '20'],
    ['worker', 'support_worker', '20'],
    ['national', 'national_reader', 'SE'],
    ['auditor', 'auditor', '20'],
    ['admin', 'admin', 'SE'],
  ];
  /** Ids made on the way, for the routes that address one. */
  const ids: Record<string, string> = {};
  const report = {
    templateVersion: 1,
    answers: [
      { item: 'social-risk.level', value: 2, trend: 'rising', comment: 'Oro kring centrum', sources: ['school'] },
      { item: 'social-risk.fires-vandalism', value: 4 },
      { item: 'andt.doping', value: false },
    ],
    sources: ['school'],
    summary: 'Lugnt.',
    supportNeeded: { needed: true, description: 'Stöd' },
  };

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: '100000' });
    api = await CheckedClient.of(t);
    for (const [key, role, org] of ROLES) who[key] = await t.as(role, org);
  });
  afterAll(() => t.close());

  it('describes the public routes and the reference data', async () => {
    await api.expect(200, 'GET', '/health');
    await api.expect(200, 'GET', '/auth/config');
    const users = await api.expect(200, 'GET', '/demo-users');
    await api.expect(200, 'POST', `/demo-users/${users.body.items[0].id}/token`);
    await api.expect(404, 'POST', '/demo-users/nobody/token');
    await api.expect(200, 'GET', '/org-units', { as: who.reporter });
    await api.expect(200, 'GET', '/org-units?parent=20', { as: who.reporter });
    await api.expect(400, 'GET', '/org-units?parent=zz', { as: who.reporter });
    for (const code of ['SE', '20', '2085', '0180-01']) await api.expect(200, 'GET', `/org-units/${code}`, { as: who.national });
    await api.expect(404, 'GET', '/org-units/9999', { as: who.national });
    await api.expect(401, 'GET', '/org-units');
    await api.expect(401, 'GET', '/templates', { as: { Authorization: 'Bearer not-a-token' } });
    const current = await api.expect(200, 'GET', '/templates/current', { as: who.admin });
    await api.expect(201, 'POST', '/templates', { as: who.admin, body: { areas: current.body.areas, changeNote: 'Samma frågor, ny version' } });
    await api.expect(403, 'POST', '/templates', { as: who.analyst, body: { areas: current.body.areas, changeNote: 'x' } });
    await api.expect(400, 'POST', '/templates', { as: who.admin, body: { areas: [], changeNote: '', extra: 1 } });
    await api.expect(200, 'GET', '/templates', { as: who.admin });
    await api.expect(200, 'GET', '/templates/2', { as: who.admin });
    await api.expect(200, 'GET', '/templates/1?asOfPosition=0', { as: who.admin });
    await api.expect(404, 'GET', '/templates/99', { as: who.admin });
    await api.expect(400, 'GET', '/templates/x', { as: who.admin });
    await api.expect(400, 'GET', '/templates?asOf=yesterday', { as: who.admin });
  });

  it('describes reports, their amendments and the county’s decisions, with their conflicts', async () => {
    const path = '/org-units/2085/reports/2025-01';
    const submitted = await api.expect(201, 'PUT', path, { as: who.reporter, body: report, headers: { 'Idempotency-Key': 'submit-1' } });
    await api.expect(201, 'PUT', path, { as: who.reporter, body: report, headers: { 'Idempotency-Key': 'submit-1' } });
    await api.expect(422, 'PUT', path, { as: who.reporter, body: { ...report, summary: 'Annat' }, headers: { 'Idempotency-Key': 'submit-1' } });
    await api.expect(409, 'PUT', path, { as: who.reporter, body: report });
    const bad = await api.expect(400, 'PUT', '/org-units/2085/reports/2025-02', { as: who.reporter, body: { ...report, answers: [{ item: 'no-such', value: 1 }], unexpected: true } });
    expect(bad.body.errors.length).toBeGreaterThan(0);
    await api.expect(403, 'PUT', path, { as: who.analyst, body: report });
    await api.expect(404, 'PUT', '/org-units/9999/reports/2025-01', { as: who.reporter, body: report });
    const amendment = { answers: [{ item: 'social-risk.level', value: 3 }], reason: 'Ny uppgift' };
    await api.expect(412, 'POST', `${path}/amendments`, { as: who.reporter, body: amendment, headers: { 'If-Match': '"7"' } });
    await api.expect(200, 'POST', `${path}/amendments`, { as: who.reporter, body: amendment, headers: { 'If-Match': `"${submitted.body.revision}"` } });
    await api.expect(200, 'GET', path, { as: who.analyst });
    await api.expect(404, 'GET', '/org-units/2085/reports/2025-03', { as: who.analyst });
    await api.expect(201, 'PUT', '/org-units/2080/reports/2025-01', { as: await t.as('municipal_reporter', '2080'), body: report });

    await api.expect(200, 'PUT', '/org-units/20/settings', { as: who.analyst, body: { deadlineDay: 12 } });
    await api.expect(400, 'PUT', '/org-units/20/settings', { as: who.analyst, body: { deadlineDay: 40 } });
    const assessment = { areas: [{ area: 'social-risk', level: 2, text: 'Oro i Ludvika' }], trends: 'Ökande', feedback: [{ orgUnit: '2085', message: 'Följ upp' }] };
    await api.expect(201, 'PUT', '/org-units/20/assessments/2025-01', { as: who.analyst, body: assessment });
    await api.expect(200, 'POST', '/org-units/20/assessments/2025-01/amendments', { as: who.analyst, body: { ...assessment, trends: 'Oförändrat' } });
    await api.expect(201, 'POST', '/org-units/20/approvals/2025-01', { as: who.analyst, body: { note: 'Klar' } });
    await api.expect(409, 'POST', `${path}/amendments`, { as: who.reporter, body: amendment });
    await api.expect(200, 'POST', '/org-units/20/approvals/2025-01/reopening', { as: who.analyst, body: { reason: 'Komplettering' } });
    await api.expect(403, 'POST', '/org-units/20/approvals/2025-01', { as: who.reporter, body: {} });
  });

  it('describes every view of a municipality, a district, a city with districts, a county and the nation', async () => {
    const reader = { as: who.national };
    for (const code of ['2085', '0180-01', '0180', '20', 'SE']) {
      await api.expect(200, 'GET', `/org-units/${code}/situation?period=2025-01`, reader);
      await api.expect(200, 'GET', `/org-units/${code}/situation?period=2025-02`, reader);
      await api.expect(200, 'GET', `/org-units/${code}/trends?item=social-risk.level&from=2024-11&to=2025-02`, reader);
      await api.expect(200, 'GET', `/org-units/${code}/trends?area=andt&from=2025-01&to=2025-01`, reader);
      await api.expect(200, 'GET', `/org-units/${code}/readiness`, reader);
      await api.expect(200, 'GET', `/org-units/${code}/risk-matrix`, reader);
    }
    await api.expect(200, 'GET', '/org-units/2085/trends?item=andt.doping&from=2025-01&to=2025-01', { as: who.reporter });
    await api.expect(400, 'GET', '/org-units/20/situation?period=2025-13', reader);
    await api.expect(400, 'GET', '/org-units/20/trends?item=x&area=y', reader);
    await api.expect(404, 'GET', '/org-units/9999/situation?period=2025-01', reader);
    await api.expect(403, 'GET', '/org-units/21/situation?period=2025-01', { as: who.analyst });
  });

  it('describes the loop back to a municipality: the county’s feedback and picture, and a city’s districts', async () => {
    const head = (await t.store.headPosition()).toString();
    const ludvika = await api.expect(200, 'GET', `/org-units/2085/situation?period=2025-01&minPosition=${head}`, { as: who.reporter });
    expect(ludvika.body.feedback).toEqual([{ message: 'Följ upp', from: expect.any(String), at: expect.any(String) }]);
    // Ludvika's amendment gave its level without a trend: only Falun still reports it rising.
    expect(ludvika.body.county).toMatchObject({ county: '20', completeness: { reported: 2 }, risingTrends: [{ item: 'social-risk.level', municipalities: 1 }] });
    const stockholm = await api.expect(200, 'GET', `/org-units/0180/situation?period=2025-01`, { as: who.national });
    expect(stockholm.body.districts).toMatchObject({ reported: 0, units: expect.arrayContaining([{ orgUnit: '0180-01', name: 'Rinkeby-Kista', reported: false, late: false }]) });
  });

  it('describes support requests, from a report and asked for directly, and the county’s answers', async () => {
    const analyst = { as: who.analyst };
    const falun = await t.as('municipal_reporter', '2080');
    const opened = await api.expect(201, 'POST', '/support-requests', { as: who.reporter, body: { municipality: '2085', description: 'Stöd kring en skola' } });
    const bad = await api.expect(400, 'POST', '/support-requests', { as: who.reporter, body: { municipality: '2085', description: '', extra: 1 } });
    expect(bad.body.errors.length).toBeGreaterThan(0);
    await api.expect(401, 'POST', '/support-requests', { body: { municipality: '2085', description: 'x' } });
    await api.expect(403, 'POST', '/support-requests', { as: falun, body: { municipality: '2085', description: 'Falun för Ludvika' } });
    const requestPath = `/support-requests/${opened.body.id}`;
    await api.expect(200, 'POST', `${requestPath}/acknowledgement`, { as: who.worker, body: { reply: 'Vi hör av oss i veckan' } });
    await api.expect(403, 'POST', `${requestPath}/acknowledgement`, { as: who.reporter, body: { reply: 'själv' } });
    await api.expect(200, 'POST', `${requestPath}/resolution`, { ...analyst, body: { outcome: 'Samtal med skolan', supportCaseId: '0193e8f0-0000-7000-8000-000000000001' } });
    await api.expect(409, 'POST', `${requestPath}/decline`, { ...analyst, body: { reason: 'För sent' } });
    await api.expect(400, 'POST', `${requestPath}/resolution`, { ...analyst, body: { outcome: 'x', supportCaseId: 'not-a-uuid' } });
    await api.expect(404, 'POST', '/support-requests/0193e8f0-0000-7000-8000-00000000dead/acknowledgement', { ...analyst, body: { reply: 'x' } });
    const head = (await t.store.headPosition()).toString();
    const inbox = await api.expect(200, 'GET', `/org-units/20/support-requests?minPosition=${head}`, analyst);
    const fromReport = inbox.body.items.find((r: { orgUnit: string; source: object }) => r.orgUnit === '2080' && 'report' in r.source);
    const declined = await api.expect(200, 'POST', `/support-requests/${fromReport.id}/decline`, { ...analyst, body: { reason: 'Hänvisas till polisen' } });
    const ludvika = await api.expect(200, 'GET', `/org-units/2085/support-requests?minPosition=${declined.body.position}`, { as: who.reporter });
    expect(ludvika.body.items.find((r: { id: string }) => r.id === opened.body.id)).toMatchObject({ status: 'resolved', source: { direct: true }, acknowledgement: { reply: 'Vi hör av oss i veckan' }, resolution: { outcome: 'Samtal med skolan' } });
    expect((await api.expect(200, 'GET', '/org-units/20/support-requests?status=declined&municipality=2080', { as: who.worker })).body.items).toEqual([expect.objectContaining({ decline: expect.objectContaining({ reason: 'Hänvisas till polisen' }) })]);
    await api.expect(200, 'GET', `/org-units/20/support-requests?asOfPosition=${opened.body.position}`, analyst);
    const badFilter = await api.expect(400, 'GET', '/org-units/20/support-requests?status=lost&municipality=0180', analyst);
    expect(badFilter.body.errors.map((e: { path: string }) => e.path)).toEqual(['status', 'municipality']);
    await api.expect(403, 'GET', '/org-units/20/support-requests', { as: who.reporter });
    await api.expect(404, 'GET', '/org-units/9999/support-requests', analyst);
    await api.expect(401, 'GET', '/org-units/20/support-requests');
  });

  it('describes drafts: saved in parts, read as of a moment, closed by the report', async () => {
    const reporter = { as: who.reporter };
    const path = '/org-units/2085/drafts/2025-04';
    const first = await api.expect(200, 'PUT', path, { ...reporter, body: { answers: [{ item: 'social-risk.level', value: 2, trend: 'rising', comment: 'Oro', sources: ['school'] }], summary: 'Påbörjad' } });
    await api.expect(200, 'PUT', path, { as: await t.as('municipal_reporter', '2085', 'Kalle Kollega'), body: { answers: [{ item: 'andt.doping', value: false }], sources: ['school'], supportNeeded: { needed: true, description: 'Stöd' } } });
    const draft = await api.expect(200, 'GET', path, reporter);
    expect(draft.headers.etag).toBe('"1"');
    expect(draft.body).toMatchObject({ status: 'open', revision: 1, summary: 'Påbörjad', saves: [expect.any(Object), expect.any(Object)] });
    await api.expect(200, 'GET', `${path}?asOfPosition=${first.body.position}`, reporter);
    const bad = await api.expect(400, 'PUT', path, { ...reporter, body: { answers: [{ item: 'social-risk.level', value: 9 }], sources: ['gossip'] } });
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['answers.0.value', 'sources.0']);
    await api.expect(400, 'PUT', '/org-units/2085/drafts/2025-13', { ...reporter, body: { answers: [] } });
    await api.expect(401, 'PUT', path, { body: { answers: [] } });
    await api.expect(403, 'PUT', path, { as: who.analyst, body: { answers: [] } });
    await api.expect(403, 'GET', path, { as: who.analyst });
    await api.expect(404, 'GET', '/org-units/2085/drafts/2025-05', reporter);
    await api.expect(404, 'PUT', '/org-units/9999/drafts/2025-04', { as: who.admin, body: { answers: [] } });
    await api.expect(201, 'PUT', '/org-units/2085/reports/2025-04', { ...reporter, body: report });
    expect((await api.expect(200, 'GET', path, reporter)).body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    await api.expect(409, 'PUT', path, { ...reporter, body: { answers: [] } });
  });

  it('describes a district added to a city, and the city’s picture of it', async () => {
    const admin = { as: who.admin };
    const added = await api.expect(201, 'POST', '/org-units/1480/districts', { ...admin, body: { code: '1480-01', name: 'Centrum' } });
    expect(added.body).toMatchObject({ id: '1480-01', revision: 0 });
    await api.expect(409, 'POST', '/org-units/1480/districts', { ...admin, body: { code: '1480-01', name: 'Igen' } });
    const bad = await api.expect(400, 'POST', '/org-units/1480/districts', { ...admin, body: { code: 'centrum', name: '' } });
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['code', 'name']);
    await api.expect(403, 'POST', '/org-units/1480/districts', { as: who.analyst, body: { code: '1480-02', name: 'Norr' } });
    await api.expect(401, 'POST', '/org-units/1480/districts', { body: { code: '1480-02', name: 'Norr' } });
    await api.expect(404, 'POST', '/org-units/9999/districts', { ...admin, body: { code: '9999-01', name: 'Ingenstans' } });
    const sent = await api.expect(201, 'PUT', '/org-units/1480-01/reports/2025-01', { as: await t.as('municipal_reporter', '1480-01'), body: report });
    const city = await api.expect(200, 'GET', `/org-units/1480/situation?period=2025-01&minPosition=${sent.body.position}`, { as: who.national });
    expect(city.body.districts).toMatchObject({ units: [{ orgUnit: '1480-01', name: 'Centrum', reported: true }], reported: 1 });
  });

  it('describes the notifications and one’s own mail settings', async () => {
    const reporter = { as: who.reporter };
    await api.expect(200, 'PUT', '/me/notification-settings', { ...reporter, body: { email: 'kim@ludvika.se', kinds: ['feedback', 'support-request-answered'] } });
    await api.expect(200, 'PUT', '/me/notification-settings', { as: who.worker, body: {} });
    const bad = await api.expect(400, 'PUT', '/me/notification-settings', { ...reporter, body: { email: 'kim', kinds: ['gossip'] } });
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['email', 'kinds.0']);
    await api.expect(401, 'PUT', '/me/notification-settings', { body: {} });
    expect((await api.expect(200, 'GET', '/me/notification-settings', reporter)).body).toMatchObject({ email: 'kim@ludvika.se', kinds: ['feedback', 'support-request-answered'] });
    expect(Object.keys((await api.expect(200, 'GET', '/me/notification-settings', { as: who.auditor })).body)).toEqual(['meta']);
    const head = (await t.store.headPosition()).toString();
    const feed = await api.expect(200, 'GET', `/notifications?minPosition=${head}`, reporter);
    expect(feed.body.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['feedback', 'period-reopened', 'support-request-answered']));
    await api.expect(200, 'GET', `/notifications?after=${feed.body.items[0].position}`, reporter);
    expect((await api.expect(200, 'GET', '/notifications', { as: who.worker })).body.items.map((n: { kind: string }) => n.kind)).toContain('support-request');
    await api.expect(400, 'GET', '/notifications?after=soon', reporter);
    await api.expect(401, 'GET', '/notifications');
  });

  it('describes risks, actions and the work records', async () => {
    const analyst = { as: who.analyst };
    const risk = await api.expect(201, 'POST', '/risks', { ...analyst, body: { orgUnit: '2085', area: 'andt', title: 'Risk', description: 'Beskrivning', likelihood: 3, consequence: 4 } });
    ids.risk = risk.body.id;
    await api.expect(400, 'POST', '/risks', { ...analyst, body: { orgUnit: '2085', area: 'weather', title: 'x', description: 'x', likelihood: 9, consequence: 1 } });
    await api.expect(200, 'POST', `/risks/${ids.risk}/assessments`, { ...analyst, body: { likelihood: 2, consequence: 4, rationale: 'Polisnärvaro' } });
    const action = await api.expect(201, 'POST', '/actions', { ...analyst, body: { orgUnit: '2085', riskIds: [ids.risk], title: 'Åtgärd', description: 'x', owner: 'Kommunen', dueDate: '2001-01-01' } });
    ids.action = action.body.id;
    await api.expect(200, 'POST', `/actions/${ids.action}/decision`, { ...analyst, body: { decision: 'approved', rationale: 'Bra' } });
    await api.expect(409, 'POST', `/actions/${ids.action}/decision`, { ...analyst, body: { decision: 'rejected', rationale: 'Nej' } });
    await api.expect(200, 'POST', `/actions/${ids.action}/status`, { ...analyst, body: { status: 'started', note: 'Igång' } });
    await api.expect(200, 'GET', '/risks', analyst);
    await api.expect(200, 'GET', '/actions?orgUnit=2085', analyst);
    await api.expect(200, 'POST', `/risks/${ids.risk}/closure`, { ...analyst, body: { reason: 'Åtgärdat' } });
    await api.expect(200, 'GET', '/risks?status=closed', { as: who.national });
    await api.expect(404, 'POST', '/risks/00000000-0000-4000-8000-000000000000/closure', { ...analyst, body: { reason: 'x' } });
    await api.expect(400, 'POST', '/risks/not-a-uuid/closure', { ...analyst, body: { reason: 'x' } });

    await api.expect(201, 'POST', '/org-units/2085/readiness', { as: who.reporter, body: { kind: 'action-plan-adopted', date: '2025-02-01', reference: 'KS 2025/12' } });
    await api.expect(201, 'POST', '/activities', { ...analyst, body: { kind: 'training', date: '2025-03-14', title: 'Utbildning', orgUnits: ['20', '2085'], partners: ['CVE'], participants: 40 } });
    await api.expect(201, 'POST', '/time-entries', { ...analyst, body: { date: '2025-03-01', hours: 3.5, kind: 'analysis', note: 'Sammanställning' } });
    const goal = await api.expect(201, 'POST', '/goals', { ...analyst, body: { orgUnit: '20', kind: 'indicator', number: '3.2', text: 'Alla kommuner har en handlingsplan' } });
    await api.expect(200, 'POST', `/goals/${goal.body.id}/status`, { ...analyst, body: { status: 'on-track', narrative: '12 av 15' } });
    await api.expect(200, 'PUT', '/org-units/20/report-backs/narrative/1', { ...analyst, body: { text: 'Inledning' } });
    await api.expect(400, 'PUT', '/org-units/20/report-backs/narrative/99', { ...analyst, body: { text: 'x' } });
    for (const as of [who.analyst, who.national]) {
      await api.expect(200, 'GET', '/activities?from=2025-01&to=2025-12', { as });
      await api.expect(200, 'GET', '/time-entries/summary?from=2025-01', { as });
      await api.expect(200, 'GET', '/goals', { as });
    }
    await api.expect(200, 'GET', '/activities?orgUnit=2085', { as: who.reporter });
    await api.expect(400, 'GET', '/activities?from=last-week', analyst);
  });

  it('describes support cases as the worker, the analyst and the national reader see them', async () => {
    const worker = { as: who.worker };
    const opened = await api.expect(201, 'POST', '/support-cases', { ...worker, body: { municipality: '2085', category: 'other', requestedSupport: 'Stöd', subject: { name: 'Kim K', notes: 'Från skolan' } } });
    ids.case = opened.body.id;
    const bare = await api.expect(201, 'POST', '/support-cases', { ...worker, body: { municipality: '2085', category: 'other', requestedSupport: 'Stöd utan person' } });
    await api.expect(201, 'POST', `/support-cases/${ids.case}/consultations`, { ...worker, body: { date: '2025-03-05', summary: 'Möte' } });
    await api.expect(201, 'POST', `/support-cases/${ids.case}/referrals`, { ...worker, body: { to: 'exit-programme', note: 'Kontakt' } });
    await api.expect(400, 'POST', `/support-cases/${ids.case}/referrals`, { ...worker, body: { to: 'mars', note: 'x' } });
    await api.expect(200, 'GET', `/support-cases/${ids.case}?purpose=Planering`, worker);
    await api.expect(200, 'GET', `/support-cases/${bare.body.id}`, worker);
    await api.expect(200, 'GET', `/support-cases/${ids.case}`, { as: who.analyst });
    await api.expect(403, 'GET', `/support-cases/${ids.case}`, { as: who.national });
    await api.expect(200, 'GET', `/support-cases/${ids.case}/access-log`, worker);
    await api.expect(200, 'GET', '/support-cases', { as: who.analyst });
    await api.expect(200, 'GET', '/support-cases/statistics', { as: who.national });
    await api.expect(200, 'POST', `/support-cases/${ids.case}/subject/erasure`, { ...worker, body: { legalBasis: 'GDPR art. 17' } });
    await api.expect(200, 'GET', `/support-cases/${ids.case}`, worker);
    await api.expect(201, 'POST', `/support-cases/${ids.case}/closure`, { ...worker, body: { outcome: 'Avslutat' } });
    await api.expect(200, 'GET', `/support-cases/${ids.case}`, worker);
    await api.expect(404, 'GET', '/support-cases/00000000-0000-4000-8000-000000000000', worker);
  });

  it('describes report-backs in every format, issued and regenerated, and the audit trail', async () => {
    const analyst = { as: who.analyst };
    for (const format of ['md', 'html', 'pdf', 'json']) await api.expect(200, 'GET', `/org-units/20/report-back?from=2025-01&to=2025-03&format=${format}`, analyst);
    await api.expect(400, 'GET', '/org-units/20/report-back?from=2025-04&to=2025-01', analyst);
    const issued = await api.expect(201, 'POST', '/org-units/20/report-backs', { ...analyst, body: { from: '2025-01', to: '2025-03', title: 'Återrapportering', reference: 'Dnr 1' } });
    for (const format of ['pdf', 'md', 'json']) await api.expect(200, 'GET', `/org-units/20/report-backs/${issued.body.id}/document?format=${format}`, { as: who.national });
    await api.expect(404, 'GET', '/org-units/20/report-backs/00000000-0000-4000-8000-000000000000/document', analyst);
    await api.expect(400, 'GET', `/org-units/20/report-backs/${issued.body.id}/document?format=doc`, analyst);
    await api.expect(200, 'GET', '/org-units/20/report-backs', analyst);
    await api.expect(403, 'GET', '/org-units/20/report-backs', { as: who.reporter });
    await api.expect(404, 'GET', '/org-units/9999/report-backs', { as: who.national });

    for (const format of ['json', 'ndjson', 'csv']) await api.expect(200, 'GET', `/audit?format=${format}&limit=50`, { as: who.auditor });
    await api.expect(200, 'GET', '/audit?limit=2', { as: who.national });
    await api.expect(400, 'GET', '/audit?limit=0', { as: who.auditor });
    await api.expect(403, 'GET', '/audit', { as: who.reporter });
    await api.expect(200, 'GET', '/audit/verification', { as: who.auditor });
    const checkpoints = await api.expect(200, 'GET', '/audit/checkpoints', { as: who.auditor });
    const [checkpoint] = checkpoints.body.items;
    await api.expect(200, 'GET', `/audit/verification?checkpoints=true&anchor=${checkpoint.position}:${checkpoint.hash}`, { as: who.auditor });
    await api.expect(400, 'GET', '/audit/verification?anchor=1:x', { as: who.auditor });
    await api.expect(200, 'GET', '/audit/checkpoints?after=1', { as: who.national });
    await api.expect(400, 'GET', '/audit/checkpoints?after=x', { as: who.auditor });
    await api.expect(403, 'GET', '/audit/checkpoints', { as: who.reporter });
    await api.expect(200, 'GET', '/audit/checkpoints/public-key', { as: who.auditor });
    await api.expect(403, 'GET', '/audit/checkpoints/public-key', { as: who.worker });
  });

  it('describes the problems of the transport: a body too large or in an unread encoding, and a view that is not there yet', async () => {
    await api.expect(413, 'POST', '/risks', { as: who.analyst, raw: { type: 'application/json', text: JSON.stringify({ title: 'x'.repeat(1_100_000) }) } });
    await api.expect(415, 'POST', '/risks', { as: who.analyst, raw: { type: 'application/json; charset=latin1', text: '{}' } });
    await api.expect(400, 'POST', '/risks', { as: who.analyst, raw: { type: 'application/json', text: '{"a":' } });
    await api.expect(503, 'GET', '/templates?minPosition=999999999', { as: who.admin });
  }, 30_000);

  it('describes the answer past the rate limit', async () => {
    const limited = await startTestApp({ RATE_LIMIT: '1' });
    try {
      const client = await CheckedClient.of(limited);
      const as = await limited.as('admin', 'SE');
      await client.expect(200, 'GET', '/templates', { as });
      await client.expect(429, 'GET', '/templates', { as });
      expect(client.violations).toEqual([]);
    } finally {
      await limited.close();
    }
  });

  it('describes every route as every role would meet it, with an empty body where one is taken', async () => {
    const example = (path: string) =>
      path.replace('{code}', '2085').replace('{county}', '20').replace('{period}', '2025-01').replace('{section}', '2').replace('{version}', '1').replace('{id}', ids.case!);
    for (const operation of api.operations()) {
      const [method, template] = operation.split(' ') as ['GET' | 'POST' | 'PUT', string];
      const path = example(template.replace(/^\/api\/v1/, ''));
      for (const as of [...Object.values(who), undefined]) await api.call(method, path, { as, ...(method === 'GET' ? {} : { body: {} }) });
    }
  }, 120_000);

  it('refuses answers the document does not describe (the check can fail)', async () => {
    const risks = await api.expect(200, 'GET', '/risks?orgUnit=2085', { as: who.analyst });
    const answer = (body: unknown, status = 200, type = 'application/json; charset=utf-8') => ({ status, headers: { 'content-type': type }, text: JSON.stringify(body), body });
    const check = (body: unknown, status?: number, type?: string) => api.validator.violations('GET', '/api/v1/risks', answer(body, status, type));
    expect(check(risks.body)).toEqual([]);
    const [risk] = risks.body.items;
    expect(check({ ...risks.body, items: [{ ...risk, likelihood: 'high' }] }).join()).toMatch(/items\/0\/likelihood/);
    expect(check({ ...risks.body, items: [{ ...risk, eventIds: undefined }] }).join()).toMatch(/eventIds/);
    expect(check({ items: risks.body.items }).join()).toMatch(/meta/);
    expect(check({ ...risks.body, items: [{ ...risk, undocumented: 1 }] }).join()).toMatch(/additionalProperty.*undocumented/);
    expect(check({ ...risks.body, meta: { ...risks.body.meta, position: 12 } }).join()).toMatch(/meta\/position/);
    expect(check(risks.body, 418).join()).toMatch(/not documented/);
    expect(check(risks.body, 200, 'text/plain').join()).toMatch(/content type/);
    expect(check({ status: 403, title: 'Forbidden' }, 403, 'application/problem+json').join()).toMatch(/type|detail/);
    expect(check({ type: 'urn:x', title: 'Forbidden', status: 403, detail: 'x' }, 403, 'application/json').join()).toMatch(/content type/);
  });

  it('found every answer described by the document, and called every operation with a 2xx', () => {
    const operations = api.operations();
    const succeeded = operations.filter((op) => [...(api.covered.get(op) ?? [])].some((status) => status >= 200 && status < 300));
    const statuses = [...new Set([...api.covered.values()].flatMap((s) => [...s]))].sort();
    process.stderr.write(`\n  OpenAPI responses: ${api.calls} answers checked; ${succeeded.length} of ${operations.length} operations answered 2xx; statuses seen ${statuses.join(', ')}; violations: ${api.violations.length}\n`);
    expect(api.violations).toEqual([]);
    expect(operations.filter((op) => !succeeded.includes(op))).toEqual([]);
    expect(statuses).toEqual(expect.arrayContaining([200, 201, 400, 401, 403, 404, 409, 412, 413, 415, 422, 503]));
  });
});
