import type { DomainEvent, StoredEvent } from '@kompeten/event-store';

/** The event of type `K` out of the union `E`, as a reader gets it (upcast, personal fields opened). */
export type EventOfType<E extends DomainEvent, K extends E['type']> = StoredEvent<Extract<E, { type: K }>>;

/**
 * One handler per event type, each given that type's event typed by its contract:
 * `{ StaffRegistered: (e, …args) => …, StaffLeft: … }`. Its keys are the types handled.
 */
export type HandlerMap<E extends DomainEvent, Args extends unknown[]> = {
  [K in E['type']]?: (event: EventOfType<E, K>, ...args: Args) => Promise<unknown>;
};

/** The same, each handler taking a run of consecutive events of its type at once. */
export type BatchHandlerMap<E extends DomainEvent, Args extends unknown[]> = {
  [K in E['type']]?: (events: EventOfType<E, K>[], ...args: Args) => Promise<unknown>;
};

/** The event types a map has handlers for. */
export function typesOf<T extends string>(map: Partial<Record<T, unknown>>): T[] {
  return (Object.keys(map) as T[]).filter((type) => map[type] !== undefined);
}

/**
 * The map's handler for an event of `type` (read from the log or a topic), or undefined when it has
 * none. The one place an event meets its static type: the type string selected the handler, and the
 * handler is declared for exactly that type, so it receives the event it declares.
 */
export function handlerFor<In, Args extends unknown[]>(
  map: object,
  type: string,
): ((input: In, ...args: Args) => Promise<unknown>) | undefined {
  if (!Object.hasOwn(map, type)) return undefined;
  return (map as Record<string, ((input: In, ...args: Args) => Promise<unknown>) | undefined>)[type];
}
