import { expect } from '@jest/globals';
import { type Decider, fold } from '../shared/decider.js';
import { DomainError } from '../shared/domain-error.js';

/**
 * Given/when/then for a decider: given past events, when a command is decided, then these
 * events — or this domain error.
 */
export function specFor<C, E, S>(decider: Decider<C, E, S>) {
  return (given: E[] = []) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, fold(decider, given));
      return {
        then: (expected: E[]) => expect(run()).toEqual(expected),
        thenThrows: (code: string, fields: string[] = []) => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect((thrown as DomainError).code).toBe(code);
          expect((thrown as DomainError).fieldProblems.map((p) => p.path)).toEqual(fields);
        },
        events: run,
      };
    },
  });
}
