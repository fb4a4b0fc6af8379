import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { GatewayConfig } from '@kompeten/config';
import { InjectConfig } from '@kompeten/platform';
import { WindowCounterStorage } from '../rate-limit-storage';
import { ACCESS, AccessRule } from './access.decorator';
import { authorise } from './authorise';
import type { Principal } from './principal';
import { TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = Request & { principal?: Principal };

/** The parsed body when it is an object (where a self-scoped rule finds the NIP), else nothing. */
function bodyOf(req: Request): Record<string, unknown> | undefined {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
}

const MINUTE = 60_000;

/**
 * 401 without a valid bearer token, 403 outside the route's roles and scopes. Every `/api/v1`
 * route must declare @Access or @Public: an undeclared route is refused (deny by default).
 *
 * Failed authentications are counted per client address (`req.ip`, see TRUST_PROXY_HOPS): beyond
 * AUTH_FAILURE_LIMIT_PER_MINUTE the address's failures are answered 429 with Retry-After for a
 * minute. A valid token from the same address still passes: a neighbour behind the same NAT who
 * sends bad tokens must not lock the city's staff out.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly failures = new WindowCounterStorage();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @InjectConfig() private readonly config: GatewayConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [ctx.getHandler(), ctx.getClass()]);
    if (!rule) {
      if (req.path.startsWith('/api/')) throw new ForbiddenException('this route declares no access rule');
      return true; // /health, /ready
    }
    const header = req.header('authorization');
    if (rule.public && !header) return true;
    const res = ctx.switchToHttp().getResponse<Response>();
    if (!header?.startsWith('Bearer ')) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="kompeten"');
      throw await this.failed(req, res, new UnauthorizedException('a bearer token is required'));
    }
    try {
      req.principal = await this.verifier.verify(header.slice('Bearer '.length).trim());
    } catch (e) {
      throw await this.failed(req, res, e);
    }
    if (rule.public) return true;
    const verdict = authorise(rule, req.principal, {
      method: req.method,
      params: req.params as Record<string, string>,
      query: req.query,
      body: bodyOf(req),
    });
    if (!verdict.allowed) throw new ForbiddenException(verdict.reason);
    return true;
  }

  /** Counts a failed authentication against the client address: the 401, or 429 once over the limit. */
  private async failed(req: Request, res: Response, error: unknown): Promise<unknown> {
    const count = await this.failures.increment(
      `ip:${req.ip}`,
      MINUTE,
      this.config.AUTH_FAILURE_LIMIT_PER_MINUTE,
      MINUTE,
      'auth-failure',
    );
    if (!count.isBlocked) return error;
    res.setHeader('Retry-After', String(count.timeToBlockExpire));
    return new HttpException(
      'Too many failed authentications from this address; retry after the time in Retry-After',
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
