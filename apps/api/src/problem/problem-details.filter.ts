import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForbiddenError, UnauthenticatedError } from '@lagesbild/auth';
import { DomainError, type DomainErrorKind } from '@lagesbild/domain';
import {
  EventStoreClosedError,
  EventStoreError,
  EventStoreUnavailableError,
  IdempotencyKeyConflictError,
  WrongExpectedRevisionError,
} from '@lagesbild/event-store';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from './problem-details.js';
import { ValidationFailedException } from './validation-failed.exception.js';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  validation: HttpStatus.BAD_REQUEST,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  precondition: HttpStatus.PRECONDITION_FAILED,
  forbidden: HttpStatus.FORBIDDEN,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The one exception filter: every error leaves as RFC 9457 problem+json. Domain and store
 * errors map by kind; anything unexpected is a 500 whose details stay in the log, never in
 * the response (no stack, no SQL).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl;
    // A 503 says "try again shortly" (views behind minPosition, a full disk): worth a warning, not a stack.
    if (problem.status === 503) this.logger.warn({ url: request.originalUrl }, problem.detail);
    else if (problem.status >= 500) this.logger.error({ err: exception, url: request.originalUrl }, problem.detail);
    if (problem.status === 503) response.setHeader('Retry-After', '5');
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ValidationFailedException) {
      return problem(400, 'validation-failed', 'The request has invalid fields; nothing was recorded.', {
        errors: exception.problems,
      });
    }
    if (exception instanceof UnauthenticatedError) return problem(401, exception.code, exception.message);
    if (exception instanceof ForbiddenError) return problem(403, exception.code, exception.message);
    if (exception instanceof DomainError) {
      const status = STATUS_OF_KIND[exception.kind];
      return problem(status, exception.code, exception.message, exception.fieldProblems.length ? { errors: exception.fieldProblems } : {});
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return problem(412, exception.code, `The resource has changed: it is at revision ${exception.actual}.`, {
        currentRevision: exception.actual,
      });
    }
    if (exception instanceof IdempotencyKeyConflictError) {
      return problem(422, exception.code, 'This Idempotency-Key was already used with a different request.');
    }
    if (exception instanceof EventStoreUnavailableError || exception instanceof EventStoreClosedError) {
      return problem(503, exception.code, `${exception.message}; try again shortly.`);
    }
    if (exception instanceof EventStoreError) {
      return problem(409, exception.code, exception.message);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
      const code = (TITLES[status] ?? 'error').toLowerCase().replace(/\s+/g, '-');
      // Terminus answers a failed health check with the state of each check: keep it.
      const checks = (body as { details?: unknown }).details;
      return problem(status, code, detail, checks ? { checks } : {});
    }
    // body-parser and friends throw plain errors that carry a 4xx status.
    const status = (exception as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: string }).type;
      const detail =
        type === 'entity.parse.failed'
          ? 'The body is not valid JSON.'
          : type === 'entity.too.large'
            ? 'The body is too large.'
            : (TITLES[status] ?? 'Bad request');
      return problem(status, type ?? 'bad-request', detail);
    }
    return problem(500, 'internal-error', 'Something went wrong on our side; the error has been logged.');
  }
}

function problem(status: number, code: string, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  return { type: problemType(code), title: TITLES[status] ?? 'Error', status, detail, ...extra };
}
