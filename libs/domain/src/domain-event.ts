/** An event as a decider produces it: plain data with an explicit type string. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}
