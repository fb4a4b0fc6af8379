import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { IdentityRefused, IdentityVerifier } from './identity-verifier';
import { IDENTITY_HEADER, InternalIdentity } from './internal-identity';

export type IdentifiedRequest = Request & { identity?: InternalIdentity };

/** Probes and the metrics scraper reach these without an identity (the NetworkPolicy limits who can). */
const OPEN = new Set(['/health', '/ready', '/metrics']);

/**
 * Every route of a service needs the gateway's signed identity; `/admin/*` (projection rebuilds,
 * erasure) needs the `admin` role in it (an auditor may GET). Installed as a global guard by PlatformModule for every
 * service but the gateway.
 */
@Injectable()
export class IdentityGuard implements CanActivate {
  constructor(private readonly verifier: IdentityVerifier) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<IdentifiedRequest>();
    if (OPEN.has(req.path)) return true;
    const token = req.header(IDENTITY_HEADER);
    if (!token)
      throw new UnauthorizedException(`${IDENTITY_HEADER} is required: services are called through the gateway`);
    try {
      req.identity = await this.verifier.verify(token, { method: req.method, url: req.originalUrl });
    } catch (e) {
      if (e instanceof IdentityRefused) throw new UnauthorizedException(e.message);
      throw e;
    }
    // Operators' routes: admins, and auditors only to look (the gateway's rule for every route).
    const roles = req.identity.roles;
    if (
      req.path.startsWith('/admin/') &&
      !(roles.includes('admin') || (roles.includes('auditor') && req.method === 'GET'))
    )
      throw new ForbiddenException('admin routes need the admin role (auditors may read)');
    return true;
  }
}
