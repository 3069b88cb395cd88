import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Role } from '@lagesbild/auth';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { type TestApp, startTestApp } from './support/test-app.js';

/**
 * Every route of the app's own OpenAPI document × every role × the caller's own org, a unit
 * below it, the unit above it and a neighbour, against API.md's roles table — written out
 * here on its own, not taken from the code under test. A route missing from TABLE fails.
 */
type Rule = 'work' | 'public' | 'reference' | 'publish' | 'districts' | 'report' | 'view' | 'county' | 'audit' | 'support' | 'support-read' | 'request-read' | 'request-answer';
type OrgFrom = 'none' | 'principal' | 'param' | 'body:orgUnit' | 'body:municipality' | 'query:orgUnit' | 'query:municipality' | 'risk' | 'action' | 'goal' | 'case' | 'report-back' | 'request';

const TABLE: Record<string, [Rule, OrgFrom]> = {
  'GET /health': ['public', 'none'],
  // The web app's sign-in: how to sign in, and (embedded auth only) the demo users and their tokens.
  'GET /auth/config': ['public', 'none'],
  'GET /demo-users': ['public', 'none'],
  'POST /demo-users/{id}/token': ['public', 'none'],
  'GET /org-units': ['reference', 'none'],
  'GET /org-units/{code}': ['reference', 'none'],
  'GET /templates': ['reference', 'none'],
  'POST /templates': ['publish', 'none'],
  'POST /org-units/{code}/districts': ['districts', 'param'],
  // Every signed-in user's own notifications and mail settings.
  'GET /notifications': ['reference', 'none'],
  'GET /me/notification-settings': ['reference', 'none'],
  'PUT /me/notification-settings': ['reference', 'none'],
  'GET /templates/current': ['reference', 'none'],
  'GET /templates/{version}': ['reference', 'none'],
  'PUT /org-units/{code}/reports/{period}': ['report', 'param'],
  'GET /org-units/{code}/reports/{period}': ['view', 'param'],
  'POST /org-units/{code}/reports/{period}/amendments': ['report', 'param'],
  'PUT /org-units/{code}/drafts/{period}': ['report', 'param'],
  'GET /org-units/{code}/drafts/{period}': ['report', 'param'],
  'PUT /org-units/{county}/settings': ['county', 'param'],
  'POST /org-units/{county}/approvals/{period}': ['county', 'param'],
  'POST /org-units/{county}/approvals/{period}/reopening': ['county', 'param'],
  'PUT /org-units/{county}/assessments/{period}': ['county', 'param'],
  'POST /org-units/{county}/assessments/{period}/amendments': ['county', 'param'],
  'POST /risks': ['county', 'body:orgUnit'],
  'GET /risks': ['view', 'query:orgUnit'],
  'POST /risks/{id}/assessments': ['county', 'risk'],
  'POST /risks/{id}/closure': ['county', 'risk'],
  'POST /actions': ['county', 'body:orgUnit'],
  'GET /actions': ['view', 'query:orgUnit'],
  'POST /actions/{id}/decision': ['county', 'action'],
  'POST /actions/{id}/status': ['county', 'action'],
  'POST /org-units/{code}/readiness': ['report', 'param'],
  'GET /org-units/{code}/readiness': ['view', 'param'],
  'POST /activities': ['work', 'principal'],
  'GET /activities': ['view', 'query:orgUnit'],
  'POST /time-entries': ['work', 'principal'],
  'POST /goals': ['county', 'body:orgUnit'],
  'GET /goals': ['view', 'query:orgUnit'],
  'POST /goals/{id}/status': ['county', 'goal'],
  'PUT /org-units/{county}/report-backs/narrative/{section}': ['county', 'param'],
  'GET /org-units/{code}/situation': ['view', 'param'],
  'GET /org-units/{code}/risk-matrix': ['view', 'param'],
  'GET /time-entries/summary': ['view', 'query:orgUnit'],
  'GET /org-units/{code}/trends': ['view', 'param'],
  'GET /audit': ['audit', 'query:orgUnit'],
  'GET /audit/verification': ['audit', 'principal'],
  // The log's signed checkpoints and their key: hashes only, for anyone with the audit trail.
  'GET /audit/checkpoints': ['audit', 'principal'],
  'GET /audit/checkpoints/public-key': ['audit', 'principal'],
  'GET /org-units/{county}/report-back': ['view', 'param'],
  'POST /org-units/{county}/report-backs': ['county', 'param'],
  'GET /org-units/{county}/report-backs': ['view', 'param'],
  'GET /org-units/{county}/report-backs/{id}/document': ['view', 'report-back'],
  'POST /support-cases': ['support', 'body:municipality'],
  'GET /support-cases': ['support-read', 'query:municipality'],
  'POST /support-cases/{id}/consultations': ['support', 'case'],
  'POST /support-cases/{id}/referrals': ['support', 'case'],
  'POST /support-cases/{id}/closure': ['support', 'case'],
  'POST /support-cases/{id}/subject/erasure': ['support', 'case'],
  'GET /support-cases/statistics': ['view', 'query:orgUnit'],
  'GET /support-cases/{id}': ['support-read', 'case'],
  'GET /support-cases/{id}/access-log': ['support', 'case'],
  'POST /support-requests': ['report', 'body:municipality'],
  'GET /org-units/{code}/support-requests': ['request-read', 'param'],
  'POST /support-requests/{id}/acknowledgement': ['request-answer', 'request'],
  'POST /support-requests/{id}/resolution': ['request-answer', 'request'],
  'POST /support-requests/{id}/decline': ['request-answer', 'request'],
};

const units = OrgUnitRegistry.sweden();
const within = (target: string, org: string) => units.isWithin(target, org);

/** API.md's roles table, as a user reads it. */
function allowed(rule: Rule, role: Role, org: string, target: string): boolean {
  switch (rule) {
    case 'public':
    case 'reference':
      return true;
    case 'publish':
    case 'districts':
      return role === 'admin';
    case 'report':
      return role === 'municipal_reporter' && within(target, org);
    case 'view':
      return role === 'national_reader' || ((role === 'municipal_reporter' || role === 'county_analyst') && within(target, org));
    case 'county':
      return role === 'county_analyst' && within(target, org);
    case 'work':
      return (role === 'county_analyst' || role === 'support_worker') && within(target, org);
    case 'audit':
      return role === 'national_reader' || ((role === 'auditor' || role === 'county_analyst') && within(target, org));
    case 'support':
      return role === 'support_worker' && within(target, org);
    case 'support-read':
      return (role === 'support_worker' || role === 'county_analyst') && within(target, org);
    case 'request-read':
      return (role === 'municipal_reporter' || role === 'support_worker' || role === 'county_analyst') && within(target, org);
    case 'request-answer':
      return (role === 'support_worker' || role === 'county_analyst') && within(target, org);
  }
}

/** Each role from one org, and the org units around it: its own, one below, the one above, a neighbour. */
const CALLERS: Array<{ role: Role; org: string; targets: Record<string, string> }> = [
  { role: 'municipal_reporter', org: '0180', targets: { own: '0180', child: '0180-01', parent: '01', other: '0114' } },
  { role: 'county_analyst', org: '01', targets: { own: '01', child: '0180', parent: 'SE', other: '20' } },
  { role: 'support_worker', org: '01', targets: { own: '01', child: '0180', parent: 'SE', other: '20' } },
  { role: 'national_reader', org: 'SE', targets: { own: 'SE', child: '01' } },
  { role: 'auditor', org: '01', targets: { own: '01', child: '0180', parent: 'SE', other: '20' } },
  { role: 'admin', org: 'SE', targets: { own: 'SE', child: '01' } },
];

describe('authorization matrix: every route × role × org, against the roles table', () => {
  let t: TestApp;
  let routes: Array<{ method: string; path: string }>;
  /** Resources to address by id, per org unit they belong to. */
  const resources: Record<'risk' | 'action' | 'goal' | 'case' | 'report-back' | 'request', Record<string, string>> = { risk: {}, action: {}, goal: {}, case: {}, 'report-back': {}, request: {} };

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: '100000' });
    const doc = (await request(t.http).get('/api/v1/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path: path.replace(/^\/api\/v1/, '') })));
    for (const county of ['01', '20']) {
      const analyst = await t.as('county_analyst', county);
      const worker = await t.as('support_worker', county);
      for (const orgUnit of county === '01' ? ['01', '0180', '0180-01', '0114'] : ['20', '2085']) {
        const risk = await request(t.http).post('/api/v1/risks').set(analyst).send({ orgUnit, area: 'andt', title: 'Risk', description: 'Beskrivning', likelihood: 2, consequence: 2 }).expect(201);
        resources.risk[orgUnit] = risk.body.id;
        const action = await request(t.http)
          .post('/api/v1/actions')
          .set(analyst)
          .send({ orgUnit, riskIds: [risk.body.id], title: 'Åtgärd', description: 'Beskrivning', owner: 'Samordnare', dueDate: '2030-01-01' })
          .expect(201);
        resources.action[orgUnit] = action.body.id;
        resources.goal[orgUnit] = (await request(t.http).post('/api/v1/goals').set(analyst).send({ orgUnit, kind: 'effect', text: 'Mål' }).expect(201)).body.id;
        if (units.get(orgUnit)?.kind === 'municipality') {
          resources.case[orgUnit] = (await request(t.http).post('/api/v1/support-cases').set(worker).send({ municipality: orgUnit, category: 'other', requestedSupport: 'Stöd' }).expect(201)).body.id;
          const reporter = await t.as('municipal_reporter', orgUnit);
          resources.request[orgUnit] = (await request(t.http).post('/api/v1/support-requests').set(reporter).send({ municipality: orgUnit, description: 'Stöd' }).expect(201)).body.id;
        }
      }
      resources['report-back'][county] = (await request(t.http).post(`/api/v1/org-units/${county}/report-backs`).set(analyst).send({ from: '2024-01', to: '2024-02', title: 'T', reference: 'R' }).expect(201)).body.id;
    }
  }, 60_000);
  afterAll(() => t.close());

  it('has a rule in the table for every route the app serves', () => {
    const missing = routes.map((r) => `${r.method} ${r.path}`).filter((key) => !(key in TABLE));
    expect(missing).toEqual([]);
    expect(routes.length).toBe(Object.keys(TABLE).length);
  });

  it('lets exactly the roles of the table in, and no one else', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const { method, path } of routes) {
      const [rule, from] = TABLE[`${method} ${path}`]!;
      for (const caller of CALLERS) {
        const token = await t.as(caller.role, caller.org);
        const relations = from === 'none' || from === 'principal' ? { own: caller.org } : caller.targets;
        for (const [relation, target] of Object.entries(relations)) {
          let url = path.replace('{code}', target).replace('{county}', target).replace('{period}', '2024-03').replace('{section}', '1').replace('{version}', '1');
          if (url.includes('{id}')) {
            const id = resources[from as keyof typeof resources]?.[target];
            if (!id) continue; // nothing of that kind lives there
            url = url.replace('{id}', id);
          }
          const body: Record<string, unknown> = {};
          if (from === 'body:orgUnit') body.orgUnit = target;
          if (from === 'body:municipality') body.municipality = target;
          if (from === 'query:orgUnit') url += `?orgUnit=${target}`;
          if (from === 'query:municipality') url += `?municipality=${target}`;
          const call = request(t.http)[method.toLowerCase() as 'get' | 'post' | 'put'](`/api/v1${url}`).set(token);
          const res = method === 'GET' ? await call : await call.send(body);
          const expectAllowed = rule === 'public' || allowed(rule, caller.role, caller.org, from === 'principal' || from === 'none' ? caller.org : target);
          const denied = res.status === 403 || res.status === 401;
          if (denied === expectAllowed) wrong.push(`${method} ${path} as ${caller.role}@${caller.org} on ${relation} ${target}: ${res.status}, expected ${expectAllowed ? 'allowed' : 'forbidden'}`);
          if (res.status >= 500) wrong.push(`${method} ${path} as ${caller.role}@${caller.org} on ${target}: ${res.status}`);
          checked += 1;
        }
      }
    }
    process.stderr.write(`\n  authorization matrix: ${routes.length} routes × ${CALLERS.length} roles, ${checked} requests checked\n`);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(700);
  }, 120_000);
});
