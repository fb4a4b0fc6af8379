import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
/** dependency-cruiser's JSON report, as far as these tests read it. */
interface DepcruiseReport {
  summary: { violations: { rule: { name: string }; from: string }[] };
}
const depcruise = (cwd: string, output = 'json') =>
  spawnSync(
    path.join(root, 'node_modules/.bin/depcruise'),
    ['--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', output, 'libs', 'services'],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  ); // the JSON report outgrew spawnSync's 1 MiB default

describe('module boundaries', () => {
  it('refuse a service that imports another service, and a library that imports a service', () => {
    const result = depcruise(path.join(root, 'test/fixtures/boundaries'));
    const violations = (JSON.parse(result.stdout) as DepcruiseReport).summary.violations.map(
      (v) => `${v.rule.name} ${v.from}`,
    );
    expect(violations).toEqual(
      expect.arrayContaining([
        'no-service-imports-another-service services/budget/src/budget.module.ts',
        'no-lib-imports-a-service libs/event-store/src/index.ts',
      ]),
    );
    // …and the command npm test runs fails on them.
    expect(depcruise(path.join(root, 'test/fixtures/boundaries'), 'err').status).not.toBe(0);
  });

  it('hold in the real tree', () => {
    const result = depcruise(root);
    expect((JSON.parse(result.stdout) as DepcruiseReport).summary.violations).toEqual([]);
  });
});
