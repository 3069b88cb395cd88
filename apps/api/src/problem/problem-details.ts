import type { FieldProblem } from '@lagesbild/domain';

/** RFC 9457 problem details, as every error of the api is answered. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A stable, dereferenceable-looking identifier for each kind of problem. */
export const problemType = (code: string) => `urn:lagesbild:problem:${code}`;
