import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { BUDGET_EVENTS, currentVersions, PROGRAMME_EVENTS, STAFF_EVENTS } from '@kompeten/contracts';

const root = path.resolve(__dirname, '..', '..');

/** libs/contracts/schemas/events.json, as far as these tests read it. */
interface EventCatalogue {
  events: Record<string, { version: number; service: string }>;
}
/** libs/contracts/schemas/asyncapi.json, as far as these tests read it (a type, so that it is a MaybeAsyncAPI). */
type AsyncApiDocument = {
  asyncapi: string;
  channels: Record<string, { address: string }>;
  components: {
    messages: Record<
      string,
      { bindings: { kafka: { key: { type: string } } }; payload: { properties: { type: { const: string } } } }
    >;
  };
};
const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;

describe('the event catalogue', () => {
  it('is up to date with the contracts (run `npm run catalogue` after changing them)', () => {
    const check = spawnSync(process.execPath, ['tools/event-catalogue.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 60000);

  it('gives every event type one explicit string and a schema for its payload', () => {
    const all = [...STAFF_EVENTS, ...PROGRAMME_EVENTS, ...BUDGET_EVENTS];
    expect(new Set(all.map((c) => c.type)).size).toBe(all.length);
    const { events } = readJson<EventCatalogue>('libs/contracts/schemas/events.json');
    for (const c of all) expect(events[c.type]).toMatchObject({ version: c.version, service: c.service });
    expect(currentVersions(all)).toMatchObject({ StaffRegistered: 2, FundsCommitted: 1 });
  });
});

describe('the AsyncAPI document', () => {
  it('is valid AsyncAPI 3 (checked by the AsyncAPI parser) and names every topic, event type and key', async () => {
    const doc = readJson<AsyncApiDocument>('libs/contracts/schemas/asyncapi.json');
    const diagnostics: { severity: number; message: string }[] = await new Parser().validate(doc);
    expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
    const addresses = Object.values(doc.channels).map((c) => c.address);
    for (const topic of [
      'kompeten.enrolment.events',
      'kompeten.budget.events',
      'kompeten.feedback.events',
      'kompeten.assessment.events.dlq',
    ])
      expect(addresses).toContain(topic);
    const { events } = readJson<EventCatalogue>('libs/contracts/schemas/events.json');
    for (const type of Object.keys(events)) {
      expect(doc.components.messages[type].bindings.kafka.key.type).toBe('string');
      expect(doc.components.messages[type].payload.properties.type.const).toBe(type);
    }
  }, 60000);
});
