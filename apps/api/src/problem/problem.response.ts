import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, type OpenAPIObject, type ResponseObject, getSchemaPath } from '@nestjs/swagger';
import { problemType } from './problem-details.js';

/** One offending field of a request: where it is and what is wrong with it. */
export class FieldProblemResponse {
  @ApiProperty({ example: 'answers.0.value', description: 'the field (dotted path), query parameter or header' })
  path!: string;

  @ApiProperty({ example: 'must be a level from 0 to 4' })
  message!: string;
}

/** RFC 9457 problem details: how every error of the api is answered. */
export class ProblemResponse {
  @ApiProperty({ example: problemType('validation-failed'), description: 'a stable URN per kind of problem' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request has invalid fields; nothing was recorded.' })
  detail!: string;

  @ApiPropertyOptional({ example: '/api/v1/org-units/2085/reports/2026-03' })
  instance?: string;

  @ApiPropertyOptional({ type: () => [FieldProblemResponse], description: 'each offending field (400)' })
  errors?: FieldProblemResponse[];

  @ApiPropertyOptional({ type: 'integer', example: 3, description: 'the revision the resource is at (412)' })
  currentRevision?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'the state of each health check (503 from /health)' })
  checks?: Record<string, unknown>;
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 503;

/** What each status means here, with an example body a client can expect. */
const PROBLEMS: Record<ProblemStatus, { description: string; code: string; title: string; detail: string; extra?: object }> = {
  400: {
    description: 'A bad body, query, path value or header; `errors` names each offending field. Nothing is recorded.',
    code: 'validation-failed',
    title: 'Bad Request',
    detail: 'The request has invalid fields; nothing was recorded.',
    extra: { errors: [{ path: 'period', message: 'must be a month, YYYY-MM' }] },
  },
  401: { description: 'No valid bearer token.', code: 'unauthenticated', title: 'Unauthorized', detail: 'A bearer token is required (Authorization: Bearer <token>)' },
  403: { description: "The token's role or org does not reach the resource.", code: 'forbidden', title: 'Forbidden', detail: 'county_analyst of 01 may not write for 20' },
  404: { description: 'No such org unit, resource or version (as of the moment asked for).', code: 'not-found', title: 'Not Found', detail: 'There is no org unit "9999"' },
  409: { description: 'A business rule forbids it (already submitted, already decided, the period approved).', code: 'conflict', title: 'Conflict', detail: 'A report for 2085 2026-03 is already submitted' },
  412: {
    description: '`If-Match` names another revision than the current one; nothing is recorded.',
    code: 'wrong-expected-revision',
    title: 'Precondition Failed',
    detail: 'The resource has changed: it is at revision 3.',
    extra: { currentRevision: 3 },
  },
  413: { description: 'The body is larger than the api takes.', code: 'entity.too.large', title: 'Content Too Large', detail: 'The body is too large.' },
  415: { description: 'The body is in an encoding the api does not read.', code: 'charset.unsupported', title: 'Unsupported Media Type', detail: 'Unsupported Media Type' },
  422: { description: 'The `Idempotency-Key` was used before with a different request.', code: 'idempotency-key-conflict', title: 'Unprocessable Content', detail: 'This Idempotency-Key was already used with a different request.' },
  429: { description: 'Too many requests a minute from this token and address; see Retry-After.', code: 'too-many-requests', title: 'Too Many Requests', detail: 'More than 6000 requests a minute from this token and address; try again in 12 s' },
  503: { description: 'Not ready to answer yet (the views behind `minPosition`, a store unavailable); see Retry-After.', code: 'service-unavailable', title: 'Service Unavailable', detail: 'The views have not reached position 1234 yet; try again shortly' },
};

/** `Retry-After` on the statuses that send it. */
const RETRY_AFTER = { 'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer' } } };

/**
 * The problem+json answers of an operation, one per status, all of one shared schema. Errors
 * are answered as `application/problem+json` (RFC 9457), not as JSON, so the content is given
 * here rather than inferred from a type (which Nest would document as application/json).
 */
export function ApiProblems(...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemResponse, FieldProblemResponse),
    ...[...new Set(statuses)].map((status) => {
      const { description, code, title, detail, extra } = PROBLEMS[status];
      return ApiResponse({
        status,
        description,
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
        content: {
          'application/problem+json': {
            schema: { $ref: getSchemaPath(ProblemResponse) },
            example: { type: problemType(code), title, status, detail, instance: '/api/v1/…', ...extra },
          },
        },
      });
    }),
  );
}

/** The name of a status's shared problem answer in `components.responses`. */
const sharedName = (status: string) => `Problem${status}`;

/**
 * The document with each status's problem answer declared once in `components.responses` and
 * referred to by every operation: ApiProblems writes the same answer into each operation (Nest
 * cannot emit a response $ref), which made the document six times its size.
 */
export function shareProblemResponses(document: OpenAPIObject): OpenAPIObject {
  const shared: Record<string, ResponseObject> = {};
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations as Record<string, { responses?: Record<string, ResponseObject> }>)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!(status in PROBLEMS) || !response.content || !('application/problem+json' in response.content)) continue;
        shared[sharedName(status)] ??= response;
        operation.responses![status] = { $ref: `#/components/responses/${sharedName(status)}` } as never;
      }
    }
  }
  return { ...document, components: { ...document.components, responses: { ...document.components?.responses, ...shared } } };
}
