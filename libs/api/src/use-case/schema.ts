import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

// Response bodies are described once, as JSON Schema written with TypeBox: the same object is the
// OpenAPI response schema and (through `Static`) the TypeScript type the handler must return and
// the client receives. The document is OpenAPI 3.0, so `null` and literals are spelled its way:
// use these helpers rather than Type.Null / Type.Literal (3.1 keywords a 3.0 validator refuses).

export { Type };
export type { Static, TSchema };

/**
 * A value or null (OpenAPI 3.0 `nullable: true`). An `enum` must list null itself: OpenAPI 3.0.3
 * (and Ajv) check the enum after `nullable`, so without it null is refused.
 */
export const Nullable = <T extends TSchema>(schema: T) =>
  Type.Unsafe<Static<T> | null>({
    ...schema,
    nullable: true,
    ...(Array.isArray(schema.enum) ? { enum: [...(schema.enum as unknown[]), null] } : {}),
  });

/** One of a fixed list of strings (OpenAPI `enum`). */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

/** A calendar date, `YYYY-MM-DD` (the city's calendar). */
export const DateOnly = (options: { description?: string } = {}) =>
  Type.String({ format: 'date', example: '2026-03-14', ...options });

/** An instant, ISO 8601. */
export const DateTime = (options: { description?: string } = {}) => Type.String({ format: 'date-time', ...options });

/** An object whose keys are not known in advance (e.g. attendance by session id). */
export const Dictionary = <T extends TSchema>(value: T, options: { description?: string } = {}) =>
  // OpenAPI 3.0 has no patternProperties (what Type.Record writes): additionalProperties it is.
  Type.Unsafe<Record<string, Static<T>>>({ type: 'object', additionalProperties: value, ...options });

/** A list answer with its items. */
export const Items = <T extends TSchema>(item: T, options: { description?: string } = {}) => Type.Array(item, options);

/** What every command answers: the stream, its new version (also the ETag) and what happened. */
export const CommandAcceptedSchema = Type.Object(
  {
    streamId: Type.String({
      example: 'programme-kom-efektif-2026/198609262015051001',
      description:
        'The stream the command appended to: a participant of a programme is programme-<id>/<nip> (enrol, withdraw, attendance, progress, completion); publish, revise and cancel answer programme-<id>. version is that stream’s',
    }),
    version: Type.Integer({ example: 3, description: 'Send back as If-Match to update only what you saw' }),
    events: Type.Array(Type.String(), {
      example: ['StaffEnrolled'],
      description: 'Event types appended (empty when the command changed nothing)',
    }),
  },
  { title: 'CommandAccepted' },
);
export type CommandAcceptedBody = Static<typeof CommandAcceptedSchema>;

/** CSV text (an alternative representation of a JSON report). */
export const CsvText = Type.String({ description: 'RFC 4180 CSV with a header row' });

/** The schema as an OpenAPI schema object for @nestjs/swagger (plain JSON: TypeBox's symbol keys dropped). */
export const openApiSchema = (schema: TSchema): SchemaObject => JSON.parse(JSON.stringify(schema)) as SchemaObject;
