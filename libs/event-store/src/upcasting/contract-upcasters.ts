import { currentVersions, EVENT_CONTRACTS, type EventContract } from '@kompeten/contracts';
import { Upcaster, UpcasterRegistry } from './upcasters';

/**
 * The registry every reader opens events with: each contract's current version and its upcasters
 * (libs/contracts is their one home). EventStore and EventConsumer use it when given none, and the
 * platform hands it to every service's store and workers. Tests pass a list with a variant of a
 * contract (a newer version and its upcaster) to rehearse a schema change.
 *
 * Refuses a list a reader could not live with: a type declared twice, or an older version with no
 * upcaster to the next (its stored events could never be read again).
 */
export function contractUpcasters(contracts: readonly EventContract[] = EVENT_CONTRACTS): UpcasterRegistry {
  const seen = new Set<string>();
  const upcasters: Upcaster[] = [];
  for (const c of contracts) {
    if (seen.has(c.type)) throw new Error(`event type ${c.type} is declared by more than one contract`);
    seen.add(c.type);
    if (!Number.isSafeInteger(c.version) || c.version < 1)
      throw new Error(`${c.type}: version ${c.version} is not a positive integer`);
    const steps = new Map((c.upcasters ?? []).map((u) => [u.fromVersion, u]));
    if (steps.size !== (c.upcasters ?? []).length) throw new Error(`${c.type}: two upcasters from the same version`);
    for (const from of steps.keys())
      if (!(from >= 1 && from < c.version))
        throw new Error(`${c.type}: an upcaster from v${from}, but the current version is v${c.version}`);
    for (let from = 1; from < c.version; from++) {
      const step = steps.get(from);
      if (!step) throw new Error(`${c.type}: no upcaster from v${from} to v${from + 1}`);
      upcasters.push({ type: c.type, fromVersion: from, upcast: (data) => step.upcast(data) });
    }
  }
  return new UpcasterRegistry(currentVersions(contracts), upcasters);
}
