import request, { type Response } from 'supertest';
import type { TestApp } from './test-app.js';
import { type Answer, OpenApiValidator, type OpenApiDocument } from './openapi-validator.js';

type Method = 'GET' | 'POST' | 'PUT';

/** An answer, its JSON body as loosely typed as supertest's (a test reads into it freely). */
export type CheckedAnswer = Answer & Pick<Response, 'body'>;

export interface Call {
  as?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** A raw body sent with this content type instead of JSON. */
  raw?: { type: string; text: string };
}

/**
 * Calls the app and checks every answer against the app's own OpenAPI document: what the
 * document does not describe is kept as a violation; which operations answered with which
 * statuses is kept as coverage.
 */
export class CheckedClient {
  readonly violations: string[] = [];
  /** `METHOD /template` → the statuses it answered. */
  readonly covered = new Map<string, Set<number>>();
  calls = 0;

  private constructor(
    private readonly t: TestApp,
    readonly validator: OpenApiValidator,
    readonly document: OpenApiDocument,
  ) {}

  static async of(t: TestApp): Promise<CheckedClient> {
    const document = (await request(t.http).get('/api/v1/docs-json').expect(200)).body as OpenApiDocument;
    return new CheckedClient(t, new OpenApiValidator(document), document);
  }

  /** Every operation of the document, as `METHOD /template`. */
  operations(): string[] {
    return Object.entries(this.document.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
  }

  async call(method: Method, path: string, { as, body, headers, raw }: Call = {}): Promise<CheckedAnswer> {
    const url = `/api/v1${path}`;
    let pending = request(this.t.http)[method.toLowerCase() as 'get' | 'post' | 'put'](url).buffer(true);
    // Bytes (a PDF) are kept as text too, so that every answer can be checked the same way.
    pending = pending.parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    if (as) pending = pending.set(as);
    if (headers) pending = pending.set(headers);
    const res = raw ? await pending.set('Content-Type', raw.type).send(raw.text) : body !== undefined ? await pending.send(body as object) : await pending;
    const bytes = res.body as Buffer;
    const text = bytes.toString('utf8');
    const type = String(res.headers['content-type'] ?? '');
    const answer = { status: res.status, headers: res.headers as Answer['headers'], text, body: /json/.test(type) && !/ndjson/.test(type) && text ? JSON.parse(text) : bytes };
    this.calls += 1;
    this.violations.push(...this.validator.violations(method, url, answer));
    const operation = this.validator.operationOf(method, url);
    if (operation) this.covered.set(operation, (this.covered.get(operation) ?? new Set()).add(res.status));
    if (res.status >= 500 && res.status !== 503) this.violations.push(`${method} ${url}: ${res.status} (a 5xx is a defect)`);
    return answer;
  }

  /** Calls and expects a status (a failed expectation names the answer). */
  async expect(status: number, method: Method, path: string, call: Call = {}): Promise<CheckedAnswer> {
    const answer = await this.call(method, path, call);
    if (answer.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 300)}`);
    return answer;
  }
}
