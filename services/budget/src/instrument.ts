// Loaded before anything else (first import of main.ts), so that tracing can instrument http,
// express and pg as they load. Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
import { startTracing } from '@kompeten/tracing';

startTracing('budget');
