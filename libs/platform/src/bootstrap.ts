import { DynamicModule, INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoLogger } from 'nestjs-pino';
import helmet from 'helmet';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import cluster from 'node:cluster';
import { ConfigError, DEFAULT_PORTS, loadConfig, ServiceConfig, ServiceName } from '@kompeten/config';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { validationPipe } from './http/validation';
import { HttpDrain } from './health/drain';
import { ShutdownTimings, shutdownTimings, stopGracefullyOn } from './health/graceful-shutdown';
import { replicasFromEnv, superviseReplicas } from './replicas';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
const levelsFrom = (level: ServiceConfig['LOG_LEVEL']): LogLevel[] =>
  LEVELS.slice(0, { error: 1, warn: 2, info: 3, debug: 5 }[level]);

/** Reads and validates the config; a wrong or missing setting stops the process, naming it. */
export function configOrExit<C extends ServiceConfig>(service: ServiceName, cls: new () => C): C {
  try {
    return loadConfig(cls, process.env, { PORT: String(DEFAULT_PORTS[service]) });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`kompeten-${service}: ${e.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

export interface OpenApiOptions {
  title?: string;
  description?: string;
  /** Swagger UI path (default `docs`) and JSON path (default `openapi.json`). */
  uiPath?: string;
  jsonPath?: string;
  bearer?: boolean;
}

/** Creates the Nest app the same way for tests and for production. */
export async function createServiceApp(
  module: DynamicModule,
  config: ServiceConfig,
  service = 'service',
  openApi: OpenApiOptions = {},
): Promise<INestApplication<Server>> {
  const app = await NestFactory.create<INestApplication<Server>>(module, {
    logger: levelsFrom(config.LOG_LEVEL),
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  // First of all middleware: while the process drains before shutdown, /ready is 503 and every answer closes its connection.
  const drain = new HttpDrain(service);
  drains.set(app, drain);
  app.use(drain.middleware);
  // Security headers on every answer (the Swagger UI needs its inline scripts and styles).
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", "'unsafe-inline'"],
          'style-src': ["'self'", "'unsafe-inline'", 'https:'],
        },
      },
    }),
  );
  // Every service documents its own HTTP API; the gateway's document is the one frontends use.
  let builder = new DocumentBuilder()
    .setTitle(openApi.title ?? `Kompeten ${service} service`)
    .setVersion('1')
    .addServer('/');
  if (openApi.description) builder = builder.setDescription(openApi.description);
  if (openApi.bearer) builder = builder.addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const document = SwaggerModule.createDocument(app, builder.build());
  SwaggerModule.setup(openApi.uiPath ?? 'docs', app, document, { jsonDocumentUrl: openApi.jsonPath ?? 'openapi.json' });
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  return app;
}

/** REPLICAS and the shutdown timings: read by the process, not the app (the supervisor has no app). */
function processSettingsOrExit(service: ServiceName): { replicas: number; timings: ShutdownTimings } {
  try {
    return { replicas: replicasFromEnv(process.env), timings: shutdownTimings(process.env) };
  } catch (e) {
    process.stderr.write(`kompeten-${service}: ${(e as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

const drains = new WeakMap<INestApplication, HttpDrain>();

/**
 * Keep-alive longer than any balancer's idle timeout in front of us (60 s is the common default, e.g.
 * AWS ALB, nginx's upstream keepalive_timeout): the side that closes an idle connection must be the
 * client, or a request written just as the server closes it meets a reset. Node's default (5 s) made
 * the server the one closing. headersTimeout must exceed keepAliveTimeout (Node's own rule).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
export const HEADERS_TIMEOUT_MS = 66_000;

/**
 * The body of every service's main.ts. With REPLICAS=N > 1 this process supervises N replicas of the
 * service behind one port (see replicas.ts) and resolves undefined; each replica runs the app.
 */
export async function bootstrapService<C extends ServiceConfig>(
  service: ServiceName,
  cls: new () => C,
  moduleFor: (config: C) => DynamicModule,
  openApi?: OpenApiOptions,
): Promise<INestApplication<Server> | undefined> {
  const config = configOrExit(service, cls);
  const { replicas, timings } = processSettingsOrExit(service);
  if (replicas > 1 && cluster.isPrimary) {
    superviseReplicas(service, replicas);
    return undefined;
  }
  const app = await createServiceApp(moduleFor(config), config, service, openApi);
  const server = app.getHttpServer();
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  // SIGTERM/SIGINT → drain (not ready, still serving), stop accepting, finish in-flight requests, stop
  // consumers and the relay, close Kafka and Postgres, exit 0 (process.exit lets pino flush its last lines).
  stopGracefullyOn(['SIGTERM', 'SIGINT'], app, drains.get(app)!, timings, new Logger('Shutdown'));
  await app.listen(config.PORT, config.HOST);
  // With PORT=0 the OS picks the port; whoever started us learns which one from this line or,
  // when it spawned us with an IPC channel (tests, supervisors), from a message — no guessing.
  const { port, address } = app.getHttpServer().address() as AddressInfo;
  new Logger('Bootstrap').log(`kompeten-${service} listening on ${address}:${port}`);
  process.send?.({ type: 'listening', service, port, address });
  return app;
}
