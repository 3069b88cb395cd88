/** How a broken rule reads to a caller; the api maps each kind to one HTTP status. */
export type DomainErrorKind = 'validation' | 'not-found' | 'conflict' | 'precondition' | 'forbidden';

export interface FieldProblem {
  /** Where in the input, as a dotted path (`answers.3.value`). */
  path: string;
  message: string;
}

/** Base of every broken business rule: an `Error` with a stable `code` (STYLE.md rule 5). */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    readonly fieldProblems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
