import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './auth/auth.guard';

/** Marks the public survey submission: limited per client address, more strictly than tokens. */
export const PUBLIC_SURVEY = 'kompeten:public-survey';

/**
 * Rate limits per token (its subject) and, for callers without one, per client address. Counters
 * live in each gateway replica's memory: with N replicas behind a balancer the effective limit is
 * up to N times the setting (a shared store such as Redis would make it exact).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected getTracker(req: Record<string, unknown>): Promise<string> {
    const r = req as unknown as AuthenticatedRequest;
    return Promise.resolve(r.principal?.sub ? `token:${r.principal.sub}` : `ip:${r.ip}`);
  }
}
