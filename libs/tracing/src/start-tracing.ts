import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

let sdk: NodeSDK | undefined;

/**
 * OpenTelemetry tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard OTLP settings
 * apply: OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_EXPORTER_OTLP_HEADERS …). Must run before the service
 * loads http, express or pg, so every main.ts imports its `instrument.ts` first.
 *
 * Kafka is traced by hand in libs/messaging rather than by the kafkajs instrumentation: the outbox
 * relay publishes long after the command, so the trace context travels in the event's metadata
 * (`traceparent`, written by the event store at append) and in the message's `traceparent` header.
 */
export function startTracing(service: string): boolean {
  if (sdk || !process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return false;
  sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? `kompeten-${service}`,
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|ready|metrics)/.test(req.url ?? '') }),
      new ExpressInstrumentation(),
      // Only queries made for a request or a consumed event: the relay's and projections' polling would drown the traces.
      new PgInstrumentation({ requireParentSpan: true }),
      new UndiciInstrumentation(),
    ],
  });
  sdk.start();
  const stop = () => void sdk?.shutdown().catch(() => undefined);
  process.once('beforeExit', stop);
  return true;
}

/** Flushes the spans still buffered (called on graceful shutdown). */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = undefined;
}
