// Three tiers (STYLE.md): unit specs beside the code, integration specs against real
// stores, end-to-end specs over HTTP. Each tier is a Jest project: `--selectProjects unit`.
// NestJS 12 is published as ES modules, so Jest runs in its native ESM mode and SWC
// strips the types (keeping decorator metadata, which Nest's DI needs).
import { fileURLToPath } from 'node:url';

const rootDir = fileURLToPath(new URL('..', import.meta.url));

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  rootDir,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  // Path aliases mirrored from tsconfig.json, and NodeNext's ".js" suffixes on relative imports.
  moduleNameMapper: {
    '^@lagesbild/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@lagesbild/([a-z-]+)/(testing|sqlite)$': '<rootDir>/libs/$1/src/$2/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/bench/'],
};

export default {
  rootDir,
  // Many suites start the app, a worker thread or a browser; on a busy 2-core machine that can
  // take longer than Jest's 5 s default without anything being wrong.
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
