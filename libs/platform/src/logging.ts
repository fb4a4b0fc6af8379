import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { ServiceConfig } from '@kompeten/config';

const QUIET = new Set(['/health', '/ready', '/metrics']);
/** A calendar feed's URL holds its secret token (calendar apps send no header): never written to a log. */
const withoutFeedToken = (url: string) => url.replace(/\/calendar\/[^/?#]+/, '/calendar/[redacted]');

/**
 * A NIP (Nomor Induk Pegawai: 18 digits, the first 8 the birth date) identifies one civil servant and
 * tells their age and sex: personal data that logs, kept longer and read more widely than the event
 * log, do not need — a request is found by its correlation id. Any run of exactly 18 digits is taken
 * for one (`/staff/198001012005011001/` → `/staff/[nip]/`, `staff-198001012005011001` → `staff-[nip]`).
 */
export const redactNips = (text: string) => text.replace(/(?<!\d)\d{18}(?!\d)/g, '[nip]');

/**
 * Structured logs (pino): one JSON object per line with the service and the request's correlation
 * id. Bodies are never logged (they hold names and citizens' comments), neither are tokens, and NIPs
 * are redacted wherever they appear.
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
      // The URL above is the usual carrier; every other line (an error naming a stream `staff-<nip>`, a
      // consumer's retry, a downstream failure) is redacted as it is written. A JSON number of 18 digits
      // would be too — no field of ours is one (pino's time has 13).
      hooks: { streamWrite: redactNips },
      autoLogging: { ignore: (req: IncomingMessage) => QUIET.has((req.url ?? '').split('?')[0]) },
      serializers: {
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          url: redactNips(withoutFeedToken(req.url)),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}
