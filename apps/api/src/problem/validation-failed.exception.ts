import { BadRequestException, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from '@lagesbild/domain';

/** A bad body, query or path value: a 400 that names each offending field. */
export class ValidationFailedException extends BadRequestException {
  constructor(readonly problems: FieldProblem[]) {
    super(`Invalid input: ${problems.map((p) => p.path).join(', ')}`);
  }

  /** The `exceptionFactory` of the global ValidationPipe. */
  static fromValidationErrors(errors: ValidationError[]): ValidationFailedException {
    // One entry per field, its broken constraints joined.
    const byPath = new Map<string, string[]>();
    for (const { path, message } of flatten(errors, '')) byPath.set(path, [...(byPath.get(path) ?? []), message]);
    return new ValidationFailedException([...byPath].map(([path, messages]) => ({ path, message: messages.join('; ') })));
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      message: message.replace(/^property (\S+) should not exist$/, 'is not a known field'),
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
