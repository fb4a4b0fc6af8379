import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUDGET_EVENTS, currentVersions, PROGRAMME_EVENTS, STAFF_EVENTS } from '@kompeten/contracts';

const root = path.resolve(__dirname, '..', '..');

describe('the event catalogue', () => {
  it('is up to date with the contracts (run `npm run catalogue` after changing them)', () => {
    const check = spawnSync(process.execPath, ['tools/event-catalogue.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 60000);

  it('gives every event type one explicit string and a schema for its payload', () => {
    const all = [...STAFF_EVENTS, ...PROGRAMME_EVENTS, ...BUDGET_EVENTS];
    expect(new Set(all.map((c) => c.type)).size).toBe(all.length);
    const { events } = JSON.parse(fs.readFileSync(path.join(root, 'libs/contracts/schemas/events.json'), 'utf8'));
    for (const c of all) expect(events[c.type]).toMatchObject({ version: c.version, service: c.service });
    expect(currentVersions(all)).toMatchObject({ StaffRegistered: 1, FundsCommitted: 1 });
  });
});
