/** No token, or one that cannot be trusted: 401. */
export class UnauthenticatedError extends Error {
  readonly code = 'unauthenticated';

  constructor(message: string) {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** A valid token whose role or org does not reach the resource: 403. */
export class ForbiddenError extends Error {
  readonly code = 'forbidden';

  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}
