// One Jest run for the whole monorepo. Three tiers by suffix (STYLE.md):
//   *.spec.ts      pure domain, no I/O
//   *.int-spec.ts  against the real Postgres and the real Kafka broker
//   *.e2e-spec.ts  through the gateway with supertest
// Type-checking is done once by `tsc` in scripts/test.mjs, so ts-jest only transpiles (fast).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  globalSetup: '<rootDir>/test/global-setup.mjs',
  setupFiles: ['<rootDir>/test/setup-env.js'],
  testTimeout: 60000,
};
