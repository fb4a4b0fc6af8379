// The public HTTP contract: request bodies and query parameters, validated with class-validator and
// documented for OpenAPI. Shared by each service (which owns the use case) and the gateway (which
// validates at the edge and publishes the one document frontends build against).
export * from './shared';
export * from './enrolment';
export * from './feedback';
export * from './assessment';
export * from './budget';
