import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { ServiceConfig } from '@kompeten/config';

const QUIET = new Set(['/health', '/ready', '/metrics']);
/** A calendar feed's URL holds its secret token (calendar apps send no header): never written to a log. */
const withoutFeedToken = (url: string) => url.replace(/\/calendar\/[^/?#]+/, '/calendar/[redacted]');

/**
 * Structured logs (pino): one JSON object per line with the service and the request's correlation
 * id. Bodies are never logged (they hold names and citizens' comments), and neither are tokens.
 */
export function loggingModule(service: string, config: ServiceConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service },
      transport:
        config.LOG_FORMAT === 'pretty'
          ? {
              target: 'pino-pretty',
              options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
            }
          : undefined,
      genReqId: (req: IncomingMessage) => (req.headers['x-correlation-id'] as string | undefined) ?? randomUUID(),
      customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: unknown }).id }),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
      autoLogging: { ignore: (req: IncomingMessage) => QUIET.has((req.url ?? '').split('?')[0]) },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: withoutFeedToken(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}
