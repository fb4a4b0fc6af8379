import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
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

/**
 * 401 without a valid bearer token, 403 outside the route's roles and scopes. Every `/api/v1`
 * route must declare @Access or @Public: an undeclared route is refused (deny by default).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
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
    if (!header?.startsWith('Bearer ')) {
      ctx.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="kompeten"');
      throw new UnauthorizedException('a bearer token is required');
    }
    req.principal = await this.verifier.verify(header.slice('Bearer '.length).trim());
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
}
