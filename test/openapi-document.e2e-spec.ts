import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type OpenApiDocument, resolveResponse } from './support/openapi-validator.js';
import { type TestApp, startTestApp } from './support/test-app.js';

type Responses = Record<string, { content?: Record<string, { schema?: { $ref?: string }; example?: { status?: number } }> }>;

/** Media types whose body is bytes or text rather than a JSON object: a document, an export. */
const BYTES = /^(application\/(pdf|x-ndjson)|text\/(markdown|html|csv))$/;

/**
 * The OpenAPI document the running app serves: valid OpenAPI 3, and every operation says what
 * it answers — a 2xx with a schema (or a binary or text media type) and its errors as
 * problem+json — so a client generated from it knows what comes back.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        name: `${method.toUpperCase()} ${path}`,
        // Shared answers (`#/components/responses/…`) read as the operation's own.
        responses: Object.fromEntries(Object.entries(op.responses).map(([status, response]) => [status, resolveResponse(document, response)!])) as Responses,
      })),
    );

  beforeAll(async () => {
    t = await startTestApp();
    document = (await request(t.http).get('/api/v1/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3 document, every reference resolving', async () => {
    // validate() checks the document against the OpenAPI 3.0 schema and dereferences every $ref; it mutates, so give it a copy.
    const api = await SwaggerParser.validate(structuredClone(document) as never);
    expect((api as { openapi: string }).openapi).toMatch(/^3\.0\./);
  });

  it('declares a 2xx answer with a schema (or a byte or text media type) for every operation', () => {
    const all = operations();
    const described = all.filter(({ responses }) =>
      Object.entries(responses).some(([status, response]) => /^2\d\d$/.test(status) && Object.entries(response.content ?? {}).some(([type, media]) => media.schema !== undefined || BYTES.test(type))),
    );
    process.stderr.write(`\n  OpenAPI: ${described.length} of ${all.length} operations declare a 2xx response schema\n`);
    expect(all.map((op) => op.name).filter((name) => !described.some((d) => d.name === name))).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(64);
  });

  it('declares its errors as problem+json of the one shared schema, with an example', () => {
    const wrong: string[] = [];
    for (const { name, responses } of operations()) {
      const errors = Object.entries(responses).filter(([status]) => /^[45]\d\d$/.test(status));
      if (!errors.some(([status]) => status === '400')) wrong.push(`${name}: no 400`);
      for (const [status, response] of errors) {
        const media = response.content?.['application/problem+json'];
        if (media?.schema?.$ref !== '#/components/schemas/ProblemResponse') wrong.push(`${name} ${status}: not the shared problem+json schema`);
        else if (media.example?.status !== Number(status)) wrong.push(`${name} ${status}: no example of its status`);
      }
    }
    expect(wrong).toEqual([]);
    const problem = document.components!.schemas!.ProblemResponse as { required: string[]; properties: Record<string, unknown> };
    expect(problem.required).toEqual(['type', 'title', 'status', 'detail']);
    expect(Object.keys(problem.properties)).toEqual(expect.arrayContaining(['errors', 'currentRevision', 'checks']));
  });

  it('declares the errors an operation can meet: 401 and 403 behind a token, 404 where a path names a resource, 409/412/422 on commands', () => {
    const missing: string[] = [];
    const expectStatus = (name: string, responses: Responses, status: string) => responses[status] || missing.push(`${name}: ${status}`);
    for (const { name, responses } of operations()) {
      const [method, path] = name.split(' ') as [string, string];
      const isPublic = /\/(health|auth\/config|demo-users)/.test(path);
      if (!isPublic) ['401', '403', '429'].forEach((s) => expectStatus(name, responses, s));
      if (/\{(code|county|id|version)\}/.test(path)) expectStatus(name, responses, '404');
      if (method !== 'GET' && !isPublic) ['409', '412', '422'].forEach((s) => expectStatus(name, responses, s));
      if (method === 'GET' && !isPublic) expectStatus(name, responses, '503');
    }
    expect(missing).toEqual([]);
  });
});
