import type { EventRecord } from '@kompeten/event-store';
import type { Principal } from '../auth/principal';

/** What a dashboard receives: the envelope's public part and the payload without sealed personal fields. */
export interface LiveEvent {
  service: string;
  position: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  occurredAt: string;
  recordedAt: string;
  correlationId: string;
  data: Record<string, unknown>;
}

export function toLiveEvent(service: string, r: EventRecord): LiveEvent {
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((r.payload ?? {}) as Record<string, unknown>)) {
    // Personal data is sealed in the log; a dashboard never needs it.
    data[k] = v !== null && typeof v === 'object' && '$personal' in v ? null : v;
  }
  return {
    service,
    position: r.position,
    eventId: r.eventId,
    type: r.type,
    schemaVersion: r.schemaVersion,
    streamId: r.streamId,
    occurredAt: r.occurredAt,
    recordedAt: r.recordedAt,
    correlationId: r.metadata.correlationId,
    data,
  };
}

const unitsOf = (d: Record<string, unknown>): string[] => {
  const units = [
    d.opd,
    d.fundingOpd,
    (d.workUnit as { opd?: string } | undefined)?.opd,
    (d.to as { opd?: string } | undefined)?.opd,
    (d.from as { opd?: string } | undefined)?.opd,
  ];
  return units.filter((u): u is string => typeof u === 'string');
};

/** The event types a role may see: everything for city-wide roles, their unit's or their own otherwise. */
export function mayWatch(p: Principal, e: LiveEvent): boolean {
  if (p.roles.some((r) => r === 'admin' || r === 'auditor' || r === 'training-officer')) return true;
  if (p.roles.includes('unit-head') && p.unit && unitsOf(e.data).includes(p.unit)) return true;
  if (p.roles.includes('staff') && p.nip && e.data.nip === p.nip) return true;
  return false;
}

/** `Last-Event-ID` is a cursor: the last position seen per service, e.g. `enrolment:120,budget:55`. */
export type Cursor = Record<string, number>;

export const parseCursor = (text: string | undefined): Cursor =>
  Object.fromEntries(
    (text ?? '')
      .split(',')
      .map((part) => part.trim().split(':'))
      .filter(([s, p]) => s && /^\d+$/.test(p ?? ''))
      .map(([s, p]) => [s, Number(p)]),
  );

export const formatCursor = (c: Cursor) =>
  Object.entries(c)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, p]) => `${s}:${p}`)
    .join(',');
