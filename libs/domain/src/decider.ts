import type { DomainEvent } from './domain-event';
import type { DomainError } from './domain-error';

/**
 * Business logic as a pure decider (Emmett): no I/O, no clock (the command carries `now`).
 * `decide` refuses a command by throwing a `DomainError`; the HTTP edge turns its kind into a status.
 */
export interface Decider<Command, State, Event extends DomainEvent> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Folds a stream's events into state. */
export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
  events: Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** Given–when–then for decider tests: `given(events).when(command)` returns the decided events. */
export function givenEvents<Command, State, Event extends DomainEvent>(
  decider: Decider<Command, State, Event>,
  events: Event[],
) {
  const state = fold(decider, events);
  return { when: (command: Command) => decider.decide(command, state), state };
}

/** For decider tests: the DomainError `f` refuses with (a test fails when `f` decides instead). */
export function refusalOf(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}
