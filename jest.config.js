// One Jest configuration for the whole monorepo, in projects by file suffix (STYLE.md):
//   unit     *.spec.ts          pure: deciders, rules, statistics, validation, config — nothing running
//   int      *.int-spec.ts      against the real Postgres and the real Kafka broker
//   e2e      *.e2e-spec.ts      through the gateway with supertest (also real Postgres and Kafka)
//   nightly  *.nightly-spec.ts  only with RELIABILITY_PROFILE=nightly (`npm run nightly`)
// Only the projects that need infrastructure have the global set-up, and Jest runs a project's set-up
// only when at least one of its tests is selected: `npm run test:unit` (or `npx jest <a .spec.ts>`)
// starts neither Postgres nor Kafka.
// Type-checking is done once by `tsc` in scripts/test.mjs, so ts-jest only transpiles (fast).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  setupFiles: ['<rootDir>/test/setup-env.js'],
};
const withInfrastructure = { ...common, globalSetup: '<rootDir>/test/global-setup.mjs' };

module.exports = {
  // jest-circus reads the timeout from the global configuration only (a project's own is ignored).
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    { ...withInfrastructure, displayName: 'int', testMatch: ['**/*.int-spec.ts'] },
    { ...withInfrastructure, displayName: 'e2e', testMatch: ['**/*.e2e-spec.ts'] },
    ...(process.env.RELIABILITY_PROFILE === 'nightly'
      ? [{ ...withInfrastructure, displayName: 'nightly', testMatch: ['**/*.nightly-spec.ts'] }]
      : []),
  ],
};
