import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import request from 'supertest';
import { LocalTokens } from '@lagesbild/auth';
import { type TestApp, startTestApp } from './support/test-app.js';

const RUNS = 5000;
const SECRET = 'e2e-secret-that-is-long-enough-for-hs256-signing';

/**
 * Generated malformed requests across every command endpoint of the app's OpenAPI document:
 * wrong types, missing and extra fields, huge strings, odd Unicode, bad periods, codes and
 * ids, bad JSON, wrong content types, and bad, expired and forged tokens. Every answer must be
 * a 4xx problem+json — never a 5xx — and the log must not grow.
 */
describe('malformed requests (property-based)', () => {
  let t: TestApp;
  let commands: Array<{ method: 'post' | 'put'; path: string }>;
  let tokens: string[];
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: '1000000' });
    const doc = (await request(t.http).get('/api/v1/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    commands = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m === 'post' || m === 'put')
        .map((method) => ({ method: method as 'post' | 'put', path })),
    );
    const local = new LocalTokens(SECRET);
    const forged = new LocalTokens('another-secret-that-is-long-enough-for-hs256');
    const expired = await new SignJWT({ name: 'Old', roles: ['county_analyst'], org: '20' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('old')
      .setIssuer('lagesbild-local')
      .setAudience('lagesbild')
      .setIssuedAt(1_600_000_000)
      .setExpirationTime(1_600_000_600)
      .sign(new TextEncoder().encode(SECRET));
    tokens = [
      `Bearer ${await local.mint({ id: 'a', name: 'Li', roles: ['county_analyst'], org: '20' })}`,
      `Bearer ${await local.mint({ id: 'r', name: 'Kim', roles: ['municipal_reporter'], org: '2085' })}`,
      `Bearer ${await local.mint({ id: 's', name: 'Sam', roles: ['support_worker'], org: '20' })}`,
      `Bearer ${await local.mint({ id: 'x', name: 'Ada', roles: ['admin'], org: 'SE' })}`,
      `Bearer ${await forged.mint({ id: 'a', name: 'Li', roles: ['county_analyst'], org: '20' })}`,
      `Bearer ${expired}`,
      'Bearer not-a-jwt',
      'Basic dXNlcjpwYXNz',
      '',
    ];
  }, 30_000);
  afterAll(() => t.close());

  const oddText = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', ' ', '\u0000', '\u202e', '😀'.repeat(50), 'Ω≈ç√∫', 'Robert"); DROP TABLE events;--', '../../etc/passwd', '<script>x</script>', 'x'.repeat(300_000)),
  );
  const pathValue = fc.oneof(
    oddText.map((s) => encodeURIComponent(s.slice(0, 60)) || 'x'),
    fc.constantFrom('2018-13', '2018-3', '0000-00', '9999-12', '99', '2085x', 'SE', '20', '2085', 'zz', '00000000-0000-4000-8000-000000000000', 'not-a-uuid', '-1', '1e9', '16'),
  );
  const fieldValue = fc.oneof(oddText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }), fc.object({ maxDepth: 2 }));
  const knownFields = ['templateVersion', 'answers', 'reason', 'orgUnit', 'area', 'title', 'description', 'likelihood', 'consequence', 'riskIds', 'owner', 'dueDate', 'decision', 'rationale', 'status', 'note', 'kind', 'date', 'reference', 'orgUnits', 'partners', 'hours', 'text', 'number', 'narrative', 'from', 'to', 'municipality', 'category', 'requestedSupport', 'subject', 'summary', 'outcome', 'legalBasis', 'deadlineDay', 'areas', 'trends', 'feedback', 'changeNote'];
  /** A body with a defect that must be refused whatever the rest holds: an unknown field. */
  const jsonBody = fc
    .tuple(fc.dictionary(fc.constantFrom(...knownFields), fieldValue, { maxKeys: 6 }), fc.string({ minLength: 1, maxLength: 12 }), fieldValue)
    .map(([fields, junk, value]) => ({ ...fields, [`zz_${junk}`]: value }));
  const rawBody = fc.oneof(
    fc.constantFrom('{', '{"a":', 'null', '[]', '"text"', '{"templateVersion": 1,}', '\u0000\u0001', '{"__proto__": {"admin": true}}'),
    fc.string({ maxLength: 200 }),
  );
  const contentType = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=latin1');

  it(`answers ${RUNS} generated malformed commands with a 4xx problem+json and writes nothing`, async () => {
    const head = await t.store.headPosition();
    const fiveHundreds: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          route: fc.integer({ min: 0, max: 1000 }),
          params: fc.array(pathValue, { minLength: 4, maxLength: 4 }),
          token: fc.integer({ min: 0, max: 8 }),
          body: fc.oneof({ weight: 3, arbitrary: jsonBody.map((b) => ({ json: b })) }, { weight: 1, arbitrary: fc.record({ raw: rawBody, type: contentType }) }),
        }),
        async ({ route, params, token, body }) => {
          const { method, path } = commands[route % commands.length]!;
          // Every field of one's own notification settings is optional: an empty body there is a request, not a defect.
          fc.pre(!('raw' in body && path === '/api/v1/me/notification-settings'));
          let i = 0;
          const url = path.replace(/\{[a-z]+\}/gi, () => params[i++ % params.length]!);
          let call = request(t.http)[method](url);
          if (tokens[token]) call = call.set('Authorization', tokens[token]!);
          const res = 'json' in body ? await call.send(body.json) : await call.set('Content-Type', body.type).send(body.raw);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) fiveHundreds.push(`${method.toUpperCase()} ${url}: ${res.status} ${res.text.slice(0, 200)}`);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.text).not.toMatch(/\bat [\w.<>]+ \(|SqliteError|SQLITE_|node_modules/);
        },
      ),
      { numRuns: RUNS, seed: 20261123 },
    );
    process.stderr.write(`\n  malformed requests: ${RUNS} sent to ${commands.length} command endpoints; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; 5xx: ${fiveHundreds.length}\n`);
    expect(fiveHundreds).toEqual([]);
    expect(await t.store.headPosition()).toBe(head);
  }, 300_000);
});
