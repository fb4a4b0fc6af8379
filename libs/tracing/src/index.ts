export { startTracing, stopTracing } from './start-tracing';
export { currentTraceparent, withContinuedTrace } from './trace-context';
