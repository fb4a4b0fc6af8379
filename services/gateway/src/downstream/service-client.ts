import type { ServiceName } from '@kompeten/api';
import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { GatewayConfig } from '@kompeten/config';
import {
  IDENTITY_HEADER,
  identitySigningKeyFrom,
  IdentitySigningKey,
  InjectConfig,
  InternalIdentity,
  PROBLEM_BASE,
  redactNips,
  signIdentity,
} from '@kompeten/platform';
import { randomUUID } from 'node:crypto';

export type Downstream = ServiceName;

/** A query parameter as the routes' validated query DTOs hold it; empty ones are left out. */
export type QueryValue = string | number | boolean | null | undefined;

export interface ForwardOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string | undefined>;
  /** Who the call is for; the gateway's own lookups (no caller) go as `gateway` without roles. */
  caller?: Omit<InternalIdentity, 'correlationId'>;
  /** The conversation; a fresh one when the call is the gateway's own. */
  correlationId?: string;
}

export interface DownstreamAnswer {
  status: number;
  body: unknown;
  headers: {
    etag?: string;
    contentType?: string;
    /** The service answered a retry from its record of the command (x-command-id): ran nothing. */
    replayed?: string;
    reconstructed?: string;
  };
}

/** A service did not answer in time or at all: 503 with Retry-After, never a hang. */
export class ServiceUnavailable extends HttpException {
  constructor(
    readonly service: Downstream,
    reason: string,
  ) {
    super({ message: `${service} service unavailable: ${reason}` }, HttpStatus.SERVICE_UNAVAILABLE);
  }
  problem() {
    return {
      type: `${PROBLEM_BASE}service-unavailable`,
      title: 'A service is unavailable, retry shortly',
      status: 503,
      detail: this.message,
      service: this.service,
      retryAfterSeconds: 5,
    };
  }
}

/**
 * Calls the owning service with a timeout on every call, passing who and why: an identity signed for
 * this one request (libs/platform identity), which the service verifies before anything else.
 */
@Injectable()
export class ServiceClient {
  private readonly log = new Logger('ServiceClient');
  private readonly signing: IdentitySigningKey;
  constructor(@InjectConfig() private readonly config: GatewayConfig) {
    this.signing = identitySigningKeyFrom(config.INTERNAL_IDENTITY_SIGNING_KEY);
  }

  private base(service: Downstream): string {
    return {
      enrolment: this.config.ENROLMENT_URL,
      assessment: this.config.ASSESSMENT_URL,
      budget: this.config.BUDGET_URL,
      feedback: this.config.FEEDBACK_URL,
    }[service].replace(/\/$/, '');
  }

  async call(
    service: Downstream,
    method: string,
    path: string,
    options: ForwardOptions = {},
  ): Promise<DownstreamAnswer> {
    const url = new URL(this.base(service) + path);
    for (const [k, v] of Object.entries(options.query ?? {}))
      if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const [k, v] of Object.entries(options.headers ?? {})) if (v !== undefined) headers[k] = v;
    const caller = options.caller ?? { actor: 'gateway', roles: [] };
    headers[IDENTITY_HEADER] = signIdentity(
      this.signing,
      { ...caller, correlationId: options.correlationId ?? headers['x-correlation-id'] ?? randomUUID() },
      { audience: service, method, url: url.pathname + url.search },
    );
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.config.DOWNSTREAM_TIMEOUT_MS),
      });
    } catch (e) {
      const reason =
        (e as Error).name === 'TimeoutError'
          ? `no answer within ${this.config.DOWNSTREAM_TIMEOUT_MS} ms`
          : (e as Error).message;
      this.log.warn(`${method} ${service}${redactNips(path)}: ${reason}`); // `/staff/<nip>/…`: no NIP in logs
      throw new ServiceUnavailable(service, reason);
    }
    // A document (a PDF) passes through as its bytes; any other answer is JSON or text.
    const binary = res.headers.get('content-type')?.startsWith('application/pdf') ?? false;
    const text = binary ? '' : await res.text();
    let body: unknown = binary ? Buffer.from(await res.arrayBuffer()) : text;
    if (!binary)
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* plain text (CSV) stays text */
      }
    if (res.status >= 500) {
      // A failing service is the gateway's 502; its own 503 (not ready) stays a 503.
      if (res.status === 503) throw new ServiceUnavailable(service, 'not ready');
      this.log.error(`${method} ${service}${redactNips(path)}: ${res.status}`);
      throw new HttpException({ message: `${service} service failed (${res.status})` }, HttpStatus.BAD_GATEWAY);
    }
    return {
      status: res.status,
      body,
      headers: {
        etag: res.headers.get('etag') ?? undefined,
        contentType: res.headers.get('content-type') ?? undefined,
        replayed: res.headers.get('idempotent-replayed') ?? undefined,
        reconstructed: res.headers.get('idempotent-reconstructed') ?? undefined,
      },
    };
  }
}
