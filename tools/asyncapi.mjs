// The AsyncAPI 3 document of Kompeten's Kafka topics, generated from the contracts library
// (written by tools/event-catalogue.mjs next to EVENTS.md; served by the gateway).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const camel = (s) => s.replace(/[.-](\w)/g, (_, c) => c.toUpperCase());

const SEALED = {
  type: 'object',
  description: 'A personal field, encrypted per person (AES-256-GCM); null to readers once the person is erased',
  required: ['$personal'],
  properties: {
    $personal: {
      type: 'object',
      required: ['v', 'subject', 'alg', 'iv', 'ct', 'tag'],
      properties: {
        v: { const: 1 },
        subject: { type: 'string' },
        alg: { const: 'A256GCM' },
        iv: { type: 'string' },
        ct: { type: 'string' },
        tag: { type: 'string' },
      },
    },
  },
};

/** The message value: the stored record (hashed form + hashes), with this type's payload schema. */
function recordSchema(type, version, dataSchema, personal) {
  const payload = structuredClone(dataSchema);
  for (const field of personal)
    if (payload.properties?.[field]) payload.properties[field] = { anyOf: [SEALED, { type: 'null' }] };
  return {
    type: 'object',
    required: [
      'position',
      'eventId',
      'streamId',
      'streamVersion',
      'type',
      'schemaVersion',
      'occurredAt',
      'recordedAt',
      'metadata',
      'payload',
      'prevHash',
      'hash',
    ],
    properties: {
      position: { type: 'integer', minimum: 1, description: 'Global position in the service’s log, gapless' },
      eventId: { type: 'string', format: 'uuid', description: 'UUIDv7' },
      streamId: { type: 'string' },
      streamVersion: { type: 'integer', minimum: 1 },
      type: { const: type },
      schemaVersion: { type: 'integer', description: `Current: ${version}; older versions are upcast by readers` },
      occurredAt: { type: 'string', format: 'date-time' },
      recordedAt: { type: 'string', format: 'date-time' },
      metadata: {
        type: 'object',
        required: ['actor', 'correlationId', 'causationId'],
        properties: {
          actor: { type: 'string', description: 'Who, from the identity the gateway signed (`<role>:<subject>`)' },
          correlationId: { type: 'string' },
          causationId: { type: ['string', 'null'] },
          commandId: {
            type: 'string',
            pattern: '^[0-9a-f]{64}$',
            description:
              'SHA-256 of (caller, Idempotency-Key): the command this event came from, when it carried a key',
          },
          traceparent: { type: 'string' },
        },
      },
      payload,
      prevHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      hash: {
        type: 'string',
        pattern: '^[0-9a-f]{64}$',
        description: 'hex SHA-256(prevHash ‖ RFC 8785 JSON of the record without the hashes); see libs/README.md',
      },
    },
  };
}

const HEADERS = {
  type: 'object',
  properties: Object.fromEntries(
    [
      'content-type',
      'type',
      'schema-version',
      'event-id',
      'stream-id',
      'position',
      'correlation-id',
      'causation-id',
      'traceparent',
    ].map((h) => [h, { type: 'string' }]),
  ),
};

/** Builds the document from the catalogue (`events`: type → { version, service, stream, description, personalFields, schema }). */
export function asyncApiDocument(events, inlineSchemas) {
  const topics = JSON.parse(fs.readFileSync(path.join(root, 'libs/contracts/src/topics.json'), 'utf8'));
  const messages = {};
  for (const [type, e] of Object.entries(events)) {
    messages[type] = {
      name: type,
      title: `${type} (v${e.version})`,
      summary: e.description,
      contentType: 'application/json',
      headers: HEADERS,
      payload: recordSchema(type, e.version, inlineSchemas[type].properties.data, e.personalFields),
      bindings: {
        kafka: {
          key: {
            type: 'string',
            description: `The stream id, or for a sub-stream (\`<parent>/<child>\`) its parent: ${e.stream}`,
          },
          bindingVersion: '0.5.0',
        },
      },
    };
  }
  const channels = {};
  const operations = {};
  for (const t of topics) {
    const id = camel(t.name.replace(/^kompeten\./, ''));
    const own =
      t.kind === 'events'
        ? Object.keys(events).filter(
            (type) => events[type].service === t.service || events[type].alsoProducedBy?.includes(t.service),
          )
        : [];
    channels[id] = {
      address: t.name,
      description:
        t.kind === 'events'
          ? `Every event of the ${t.service} service, relayed from its log (kept forever: the auditors’ second copy)`
          : `Messages ${t.service}’s consumers could not apply, with dlq-reason and dlq-error headers`,
      messages: Object.fromEntries(
        (t.kind === 'events' ? own : Object.keys(events)).map((type) => [
          type,
          { $ref: `#/components/messages/${type}` },
        ]),
      ),
      bindings: {
        kafka: {
          partitions: t.partitions,
          topicConfiguration: { 'retention.ms': -1, 'cleanup.policy': ['delete'] },
          bindingVersion: '0.5.0',
        },
      },
    };
    if (t.kind === 'events' && own.length) {
      operations[`publish${camel('-' + t.service)}Events`] = {
        action: 'send',
        channel: { $ref: `#/channels/${id}` },
        summary: `The ${t.service} service publishes`,
        messages: own.map((type) => ({ $ref: `#/channels/${id}/messages/${type}` })),
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Kompeten events',
      version: '1.0.0',
      description:
        'Kafka topics of Kompeten. Generated by tools/event-catalogue.mjs from libs/contracts; see libs/contracts/EVENTS.md.',
    },
    defaultContentType: 'application/json',
    servers: { development: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The broker npm start runs' } },
    channels,
    operations,
    components: { messages },
  };
}
