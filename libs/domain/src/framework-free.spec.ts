import fs from 'node:fs';
import path from 'node:path';

// Deciders are pure business logic: loading one must not drag in Nest, TypeORM or kafkajs (nor,
// through @kompeten/platform or @kompeten/event-store, anything that does). Their tests then run
// in milliseconds, and the domain reads (and could be reused) without the framework.
//
// How it is checked: Jest does not use Node's module cache but its own registry per test file, and
// jest-runtime (checked on 30.5) hands every module a `require.cache` that is a Proxy over that
// registry: its keys are the absolute paths of the modules loaded so far. Inside
// jest.isolateModulesAsync the Proxy reads the isolated registry, so loading one decider there and
// reading the keys lists exactly what that decider pulled in, transitively.
const root = path.resolve(__dirname, '..', '..', '..');
const HEAVY = /node_modules\/(@nestjs|typeorm|kafkajs)\//;

/** Every services/<name>/src/**\/*.decider.ts, found now: a new decider is covered without listing it. */
function deciderModules(): string[] {
  const services = path.join(root, 'services');
  return fs
    .readdirSync(services, { withFileTypes: true })
    .filter((service) => service.isDirectory() && fs.existsSync(path.join(services, service.name, 'src')))
    .flatMap((service) => {
      const src = path.join(services, service.name, 'src');
      return fs
        .readdirSync(src, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.decider.ts'))
        .map((file) => path.join(src, file));
    })
    .sort();
}

/** What loading `file` alone pulls in that it must not: the first few heavy modules, and how many. */
async function heavyModulesOf(file: string): Promise<string[]> {
  let loaded: string[] = [];
  // A fresh registry for this file, so each decider answers for itself.
  await jest.isolateModulesAsync(async () => {
    // Compiled to require() (module: commonjs), so the decider goes through Jest's registry.
    await import(file);
    loaded = Object.keys(require.cache);
  });
  // If a Jest upgrade stopped showing its registry as require.cache, fail rather than pass on nothing.
  expect(loaded).toContain(file);
  const heavy = loaded.filter((m) => HEAVY.test(m.split(path.sep).join('/')));
  return heavy.length ? [...heavy.slice(0, 3).map((m) => path.relative(root, m)), `${heavy.length} in all`] : [];
}

describe('the domain', () => {
  const deciders = deciderModules();

  it('finds the deciders', () => {
    expect(deciders.length).toBeGreaterThanOrEqual(8);
  });

  it('loads no Nest, TypeORM or kafkajs module with any decider', async () => {
    const offenders: Record<string, string[]> = {};
    for (const decider of deciders) {
      const heavy = await heavyModulesOf(decider);
      if (heavy.length) offenders[path.relative(root, decider)] = heavy;
    }
    expect(offenders).toEqual({});
  });
});
