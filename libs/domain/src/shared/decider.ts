/**
 * An aggregate's rules as three pure functions (STYLE.md rule 1): `decide` turns a command
 * and the current state into new events or throws a domain error; `evolve` folds an event
 * into the state. No I/O, no clock, no randomness: the caller passes those in the command.
 */
export interface Decider<Command, Event, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}

/** The state after a stream's events. */
export function fold<Event, State>(decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>, events: readonly Event[]): State {
  return events.reduce(decider.evolve, decider.initialState());
}
