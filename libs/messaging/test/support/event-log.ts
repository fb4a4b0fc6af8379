import type { EventStore } from '@kompeten/event-store';

export interface AppendPlan {
  streams: number;
  eventsPerStream: number;
  /** Events per append (one transaction each). */
  perAppend?: number;
  prefix?: string;
}

/**
 * Appends to several streams at once (all streams concurrently, each stream's appends in turn), so
 * that the log interleaves streams the way real traffic does. Returns the stream ids.
 */
export async function appendAcrossStreams(store: EventStore, plan: AppendPlan): Promise<string[]> {
  const perAppend = plan.perAppend ?? 1;
  const ids = Array.from({ length: plan.streams }, (_, i) => `${plan.prefix ?? 'budget'}-${i}`);
  await Promise.all(
    ids.map(async (streamId) => {
      for (let v = 0; v < plan.eventsPerStream; v += perAppend) {
        const n = Math.min(perAppend, plan.eventsPerStream - v);
        await store.append(
          streamId,
          'any',
          Array.from({ length: n }, (_, k) => ({
            type: 'FundsCommitted',
            data: { amount: 1000 * (v + k + 1), seq: v + k + 1 },
          })),
          {
            actor: 'service:test',
            correlationId: `corr-${streamId}`,
            causationId: null,
            traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          },
        );
      }
    }),
  );
  return ids;
}
