import { DynamicModule, INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoLogger } from 'nestjs-pino';
import helmet from 'helmet';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, DEFAULT_PORTS, loadConfig, ServiceConfig, ServiceName } from '@kompeten/config';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { validationPipe } from './http/validation';

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
  // SIGTERM/SIGINT → stop accepting, finish in-flight work, close Kafka and Postgres, exit.
  // process.exit (not re-raising the signal) lets pino flush its last lines; the exit code is 0.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  return app;
}

/** The body of every service's main.ts. */
export async function bootstrapService<C extends ServiceConfig>(
  service: ServiceName,
  cls: new () => C,
  moduleFor: (config: C) => DynamicModule,
  openApi?: OpenApiOptions,
): Promise<INestApplication<Server>> {
  const config = configOrExit(service, cls);
  const app = await createServiceApp(moduleFor(config), config, service, openApi);
  await app.listen(config.PORT, config.HOST);
  // With PORT=0 the OS picks the port; whoever started us learns which one from this line or,
  // when it spawned us with an IPC channel (tests, supervisors), from a message — no guessing.
  const { port, address } = app.getHttpServer().address() as AddressInfo;
  new Logger('Bootstrap').log(`kompeten-${service} listening on ${address}:${port}`);
  process.send?.({ type: 'listening', service, port, address });
  return app;
}
