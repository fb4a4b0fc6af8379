import { Nullable, Type } from '@kompeten/api';

// What the auditors' routes answer (libs/audit's AuditController in each service), documented here
// because these three routes are not use cases of one service: `:service` picks the log.

const Link = Type.Object({ position: Type.Integer(), hash: Type.String({ description: 'SHA-256, hex' }) });

export const AuditHeadSchema = Type.Object({
  service: Type.String(),
  head: Link,
  relayedUpTo: Nullable(Type.Integer({ description: 'The last position the outbox relay published to Kafka' })),
});

export const AuditChainSchema = Type.Object({
  service: Type.String(),
  after: Type.Integer(),
  checked: Type.Integer(),
  head: Link,
  ok: Type.Boolean(),
  firstBreak: Type.Optional(
    Type.Object(
      { position: Type.Integer(), reason: Type.String() },
      { description: 'The first event that breaks the chain' },
    ),
  ),
  next: Nullable(Type.Object({ after: Type.Integer(), anchor: Type.String() })),
});

export const AuditEventsSchema = Type.Object({
  service: Type.String(),
  events: Type.Array(
    Type.Object({
      service: Type.String(),
      position: Type.Integer(),
      eventId: Type.String(),
      streamId: Type.String(),
      streamVersion: Type.Integer(),
      type: Type.String(),
      schemaVersion: Type.Integer(),
      occurredAt: Type.String(),
      recordedAt: Type.String(),
      metadata: Type.Object({ actor: Type.String(), correlationId: Type.String() }),
      payload: Type.Unknown(),
      prevHash: Type.String(),
      hash: Type.String(),
    }),
  ),
  next: Nullable(Type.Integer({ description: 'Pass as `after` for the next page' })),
});
