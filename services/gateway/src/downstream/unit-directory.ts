import { Injectable } from '@nestjs/common';
import { ServiceClient } from './service-client';

/** Which OPD a service unit belongs to (for unit-heads' scope), cached briefly. */
@Injectable()
export class UnitDirectory {
  private readonly cache = new Map<string, { opd: string | null; at: number }>();
  constructor(private readonly client: ServiceClient) {}

  async opdOf(unitCode: string): Promise<string | null> {
    const hit = this.cache.get(unitCode);
    if (hit && Date.now() - hit.at < 60_000) return hit.opd;
    const answer = await this.client.call('feedback', 'GET', `/service-units/${unitCode}/scorecard`);
    const opd = answer.status === 200 ? ((answer.body as { unit?: { opd?: string } }).unit?.opd ?? null) : null;
    this.cache.set(unitCode, { opd, at: Date.now() });
    return opd;
  }
}
