// The domain's vocabulary, free of any framework: deciders, their events and their refusals.
// Nothing here imports a package (libs/README.md, "Domain errors"); a decider that needs only
// these loads no Nest, TypeORM or kafkajs (framework-free.spec.ts holds every decider to that).
export type { DomainEvent } from './domain-event';
export type { Decider } from './decider';
export { fold, givenEvents, refusalOf } from './decider';
export { DomainError } from './domain-error';
export type { DomainErrorKind, FieldError } from './domain-error';
export {
  CityCalendar,
  DEFAULT_CITY_TIME_ZONE,
  addDays,
  addMonths,
  businessDate,
  daysBetween,
  fiscalYearOf,
  quarterOf,
} from './city-calendar';
