import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { GatewayConfig } from '@kompeten/config';
import { InjectConfig } from '@kompeten/platform';

/**
 * The client address the per-address limits count (`req.ip`): behind TRUST_PROXY_HOPS proxies it is
 * the address that many hops back in X-Forwarded-For — the citizen, not the load balancer. With 0
 * (default) the header is not trusted at all: anyone can write it.
 */
@Injectable()
export class TrustProxyHops implements OnModuleInit {
  constructor(
    private readonly http: HttpAdapterHost,
    @InjectConfig() private readonly config: GatewayConfig,
  ) {}

  onModuleInit() {
    // A hop count, never `true`: `true` would take the left-most address, which the client writes.
    this.http.httpAdapter.getInstance<Express>().set('trust proxy', this.config.TRUST_PROXY_HOPS);
  }
}
