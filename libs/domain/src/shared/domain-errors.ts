import { DomainError, type FieldProblem } from './domain-error.js';

/** Input that breaks a rule of the domain (an unknown item, a level off the scale…): 400. */
export class ValidationError extends DomainError {
  readonly code = 'validation-failed';
  readonly kind = 'validation' as const;

  constructor(message: string, problems: FieldProblem[]) {
    super(message, problems);
  }
}

/** The thing acted on does not exist: 404. */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The action conflicts with the state (already submitted, period approved…): 409. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
