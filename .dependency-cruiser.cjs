// Module boundaries, kept by a tool and not by hope (STYLE.md). Run by `npm test` and `npm run lint:boundaries`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-service-imports-another-service',
      comment: 'Services share nothing but Kafka topics and the contracts library.',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'no-lib-imports-a-service',
      comment: 'Libraries are shared mechanisms; they must not know any deployable.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^services/' },
    },
    {
      name: 'no-deep-imports-into-a-lib',
      comment: 'Each library has one public entry, src/index.ts; import it as @kompeten/<lib>.',
      severity: 'error',
      from: { path: '^(services|libs)/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$', '\\.json$'] },
    },
    {
      name: 'testing-lib-only-in-tests',
      comment: 'Test helpers never ship in a deployable.',
      severity: 'error',
      from: {
        path: '^(services|libs)/',
        pathNot: ['\\.(int-|e2e-)?spec\\.ts$', '^libs/testing/', '^(services|libs)/[^/]+/test/'],
      },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'domain-lib-is-framework-free',
      comment: 'libs/domain imports nothing but itself (libs/README.md, "Domain errors"); its tests may use node:*.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'deciders-import-only-the-domain',
      comment:
        'A decider and its rules, state and problems need only @kompeten/domain, @kompeten/contracts and ' +
        'their own service: no Nest, TypeORM, kafkajs, nor a lib that loads them (framework-free.spec.ts ' +
        'checks what a decider loads at run time).',
      severity: 'error',
      from: { path: '^services/[^/]+/src/.+\\.(decider|rules|state|problems)\\.ts$' },
      to: { path: '^(node_modules|libs/)', pathNot: '^libs/(domain|contracts)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.json') },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
