import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { CONTENT_TYPES } from '@lagesbild/reporting';
import { CommandAnswerResponse, POSITION, QUERY_PROBLEMS } from '../http/answer.response.js';
import { ApiProblems, type ProblemStatus } from '../problem/problem.response.js';
import { LogDigestResponse } from './issued-report-backs.response.js';
import { ReportBackDocumentResponse } from './report-back-document.response.js';

const SHA256 = { pattern: '^[0-9a-f]{64}$', example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' } as const;

export class ReportBackDigestsResponse {
  @ApiProperty(SHA256)
  md!: string;

  @ApiProperty(SHA256)
  html!: string;

  @ApiProperty(SHA256)
  pdf!: string;

  @ApiProperty(SHA256)
  json!: string;
}

export class IssuedReportBackResponse extends CommandAnswerResponse {
  @ApiProperty({ ...SHA256, description: "the PDF's SHA-256" })
  sha256!: string;

  @ApiProperty({ type: () => ReportBackDigestsResponse, description: "each format's SHA-256" })
  sha256ByFormat!: ReportBackDigestsResponse;

  @ApiProperty({ example: '2026-04-20T12:00:00.000Z', description: 'the moment the document is of' })
  asOf!: string;

  @ApiProperty({ ...POSITION, description: 'the log position the document is of' })
  asOfPosition!: string;

  @ApiPropertyOptional({ type: () => LogDigestResponse, description: 'the log digest the document prints: keep it, and the log can be checked against it' })
  logDigest?: LogDigestResponse;
}

/** The media type of a format without its parameters (`; charset=utf-8`), as a content key is matched. */
const mediaType = (format: keyof typeof CONTENT_TYPES) => CONTENT_TYPES[format].split(';')[0]!;

/** The document's bytes in each format: `format=json` is the report as data (its schema), the others are text or PDF. */
const DOCUMENT_CONTENT = {
  [mediaType('pdf')]: { schema: { type: 'string', format: 'binary' } },
  [mediaType('md')]: { schema: { type: 'string' }, example: '# Återrapportering …' },
  [mediaType('html')]: { schema: { type: 'string' }, example: '<!doctype html>…' },
  [mediaType('json')]: { schema: { $ref: getSchemaPath(ReportBackDocumentResponse) } },
};

const text = (description: string, example?: string) => ({ description, schema: { type: 'string', ...(example ? { example } : {}) } });
const DOCUMENT_HEADERS = {
  'X-Content-SHA256': text("the SHA-256 of the body's bytes"),
  'X-As-Of': text('the moment the document is of', '2026-04-20T12:00:00.000Z'),
  'X-As-Of-Position': text('the log position the document is of', '48213'),
  'Content-Disposition': text('inline, with a file name', 'inline; filename="aterrapportering-20-2026-01-2026-03.pdf"'),
};

/** A report-back document (pdf by default; md, html or json by `format`) and the problems of a query that renders one. */
export function ApiReportBackDocument(recorded: boolean, ...extra: ProblemStatus[]) {
  return applyDecorators(
    ApiExtraModels(ReportBackDocumentResponse),
    ApiResponse({
      status: 200,
      description: recorded ? 'The issued document regenerated: the same bytes as when issued.' : 'The document as of the moment asked for (default: the last event recorded).',
      headers: recorded ? { ...DOCUMENT_HEADERS, 'X-Recorded-SHA256': text('the SHA-256 recorded for this format when it was issued') } : DOCUMENT_HEADERS,
      content: DOCUMENT_CONTENT,
    }),
    ApiProblems(...QUERY_PROBLEMS, ...extra),
  );
}
