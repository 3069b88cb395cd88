import { describe, expect, it } from '@jest/globals';
import { type Decider, fold } from './decider.js';

type Counted = { type: 'Counted'; by: number };
const counter: Decider<{ by: number }, Counted, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.by,
  decide: (command) => [{ type: 'Counted', by: command.by }],
};

describe('fold', () => {
  it('starts from the initial state and applies events in order', () => {
    expect(fold(counter, [])).toBe(0);
    expect(fold(counter, [...counter.decide({ by: 2 }, 0), { type: 'Counted', by: 5 }])).toBe(7);
  });
});
