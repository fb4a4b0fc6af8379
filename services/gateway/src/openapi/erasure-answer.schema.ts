import { StringEnum, Type } from '@kompeten/api';

// What `POST /api/v1/admin/erasures` answers (routes/erasure.routes.ts), from each service's
// report (libs/event-store PersonEraser): documented here because the route fans out to four services.

const Place = Type.Object({
  stream: Type.String(),
  position: Type.Integer(),
  type: Type.String({ description: 'The event type that held the field' }),
  field: Type.String(),
});

const Reason = StringEnum([
  'data-subject-request',
  'consent-withdrawn',
  'retention-expired',
  'unlawful-processing',
] as const);

const ServiceReport = Type.Object({
  service: Type.String({ example: 'enrolment' }),
  subjectKind: StringEnum(['staff', 'respondent'] as const),
  subjectKeyId: Type.String({ description: 'The opaque id of the person’s (deleted) key in this service' }),
  alreadyErased: Type.Boolean({ description: 'An earlier request had erased the person here: nothing new recorded' }),
  event: Type.Object({
    stream: Type.String(),
    position: Type.Integer(),
    eventId: Type.String(),
    erasureId: Type.String(),
    reason: Reason,
    recordedAt: Type.String({ format: 'date-time' }),
  }),
  places: Type.Array(Place),
  proof: Type.Object({
    fieldsReadAsErased: Type.Boolean(),
    stillReadable: Type.Array(Place, { description: 'Places that still opened (empty)' }),
    keyDeleted: Type.Boolean(),
    chain: Type.Object({
      ok: Type.Boolean(),
      count: Type.Integer(),
      headPosition: Type.Integer(),
      headAgrees: Type.Boolean(),
    }),
  }),
});

export const ErasureAnswerSchema = Type.Object({
  erasureId: Type.String(),
  subject: Type.String({ example: 'staff:198609262015051001' }),
  reason: Reason,
  complete: Type.Boolean({ description: 'Every service erased the person' }),
  proof: Type.Object({
    fieldsReadAsErased: Type.Boolean({ description: 'Every place reads as erased and no key is left, everywhere' }),
    chainsVerify: Type.Boolean({ description: 'Every service’s hash chain recomputed after the erasure' }),
  }),
  places: Type.Array(Type.Object({ service: Type.String(), ...Place.properties }), {
    description: 'Every place the person’s data was, in every service',
  }),
  services: Type.Array(ServiceReport),
});
