// The public HTTP contract: one declaration per use case (method, path, request classes validated
// by class-validator, response schema, access rule, problems, summary). The service's route, the
// gateway's route, the OpenAPI document and the typed client (@kompeten/client) are made from it.
export * from './use-case';
export * from './shared';
export * from './enrolment';
export * from './feedback';
export * from './assessment';
export * from './budget';
export { USE_CASES } from './use-cases';
