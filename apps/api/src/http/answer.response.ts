import { type Type, applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, type ApiPropertyOptions, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ApiProblems, type ProblemStatus } from '../problem/problem.response.js';

/** Log positions are 64-bit: sent as decimal strings, which no JSON reader rounds. */
export const POSITION = { type: String, pattern: '^\\d+$', example: '48213', description: 'a global log position (a decimal string)' } as const;

/** The ids of the events a row was built from, which every view carries for lineage. */
export const EVENT_IDS: ApiPropertyOptions = { type: [String], description: 'the events behind it, for lineage' };

/** `meta` of every query answer: the moment and log position it reflects. */
export class AnswerMetaResponse {
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z', description: 'the moment the answer reflects (ISO 8601, UTC)' })
  asOf!: string;

  @ApiProperty(POSITION)
  position!: string;
}

/** What every query answer carries besides its own fields. */
export class QueryAnswerResponse {
  @ApiProperty({ type: () => AnswerMetaResponse })
  meta!: AnswerMetaResponse;
}

/** What every command answers. */
export class CommandAnswerResponse {
  @ApiProperty({ example: '0b7c4e1a-3f7d-4c1e-9a51-2f1c0d8e6b42', description: "the resource written: a new risk's, action's, goal's, case's or support request's UUID, a district's code, the user's own id for their settings, else its stream's name" })
  id!: string;

  @ApiProperty({ type: 'integer', example: 0, description: "the stream's revision after the write" })
  revision!: number;

  @ApiProperty(POSITION)
  position!: string;
}

/** Problems any authenticated request may meet before its handler runs: a body it cannot read, no token, no access, too many requests. */
const GUARDED: ProblemStatus[] = [400, 401, 403, 413, 415, 429];
/** A query may also wait for `minPosition` in vain, or find the views not open yet. */
export const QUERY_PROBLEMS: ProblemStatus[] = [...GUARDED, 503];
/** A command may also break a rule, miss its `If-Match`, reuse an `Idempotency-Key`, or find the log unavailable. */
export const COMMAND_PROBLEMS: ProblemStatus[] = [...GUARDED, 409, 412, 422, 503];

const ETAG = { ETag: { description: 'the revision after the write, `"<revision>"`', schema: { type: 'string', example: '"0"' } } };

/**
 * A command's answer (`{id, revision, position}` and `ETag`, or a subclass that adds to it) and
 * the problems a command meets; `extra` adds the route's own (404 for an addressed resource).
 */
export function ApiCommandAnswer(status: 200 | 201, type: Type<CommandAnswerResponse> = CommandAnswerResponse, ...extra: ProblemStatus[]) {
  return applyDecorators(
    ApiResponse({ status, type, headers: ETAG, description: status === 201 ? 'Recorded.' : 'Recorded on the existing resource.' }),
    ApiProblems(...COMMAND_PROBLEMS, ...extra),
  );
}

/** A query's JSON answer (a subclass of QueryAnswerResponse) and the problems a query meets, with the route's own. */
export function ApiQueryAnswer(type: Type<QueryAnswerResponse>, ...extra: ProblemStatus[]) {
  return applyDecorators(ApiResponse({ status: 200, type, description: 'The answer as of the moment asked for (default: now).' }), ApiProblems(...QUERY_PROBLEMS, ...extra));
}

/**
 * A query whose answer takes one of several shapes (a municipality's, a county's, the
 * nation's), each told apart by its `kind`; the problems as for any query, with the route's own.
 */
export function ApiQueryOneOf(models: Array<Type<QueryAnswerResponse>>, ...extra: ProblemStatus[]) {
  return applyDecorators(
    ApiExtraModels(...models),
    ApiResponse({ status: 200, schema: { oneOf: models.map((model) => ({ $ref: getSchemaPath(model) })) }, description: 'The answer as of the moment asked for, shaped by the kind of org unit.' }),
    ApiProblems(...QUERY_PROBLEMS, ...extra),
  );
}
