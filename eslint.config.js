import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Code outside a library reaches it only through its alias (STYLE.md rule 12). */
const THROUGH_ALIAS = { group: ['**/libs/*/src/**', '@lagesbild/*/src/**'], message: 'Import a library through @lagesbild/<lib>.' };

/** The adapters our libraries export: chosen in library modules, never named by a controller. */
const ADAPTERS = {
  '@lagesbild/event-store': ['SqliteEventStore', 'EventStoreDbEventStore', 'openEventStore', 'WalCheckpointer', 'EVENT_LOG_SCHEMA', 'configureDurableConnection', 'startWorker'],
  '@lagesbild/event-store/sqlite': ['SqliteEventStore', 'WalCheckpointer', 'startWorker'],
  '@lagesbild/projections': ['SqliteViewStore', 'MongoViewStore', 'removeViewsFile', 'ProjectionThread', 'ProjectionRunner', 'buildViews', 'buildViewsBeside'],
  '@lagesbild/personal-data': ['SqliteSubjectKeyStore', 'MongoSubjectKeyStore'],
};
const CONTROLLER_DEPENDS_ON_PORTS = 'A controller depends on ports and their tokens; adapters are chosen in library modules (STYLE.md rule 15).';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/node_modules/', 'bench/results/', 'bench/.tmp/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', setImmediate: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [THROUGH_ALIAS] }],
    },
  },
  {
    // Layers beyond the domain, resolved as TypeScript resolves them (aliases and ".js" suffixes).
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'apps/web/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        { zones: [{ target: './libs', from: './apps', message: 'A library never depends on an app.' }] },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: Object.entries(ADAPTERS).map(([name, importNames]) => ({ name, importNames, message: CONTROLLER_DEPENDS_ON_PORTS })),
          patterns: [THROUGH_ALIAS, { group: ['better-sqlite3', 'mongodb', '@eventstore/*'], message: CONTROLLER_DEPENDS_ON_PORTS }],
        },
      ],
    },
  },
  {
    // The domain is pure: no framework, no driver, no I/O (STYLE.md rule 2).
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*'], message: 'libs/domain must not depend on NestJS.' },
            { group: ['node:*', ...builtinModules], message: 'libs/domain does no I/O: no Node.js built-ins.' },
            {
              group: ['better-sqlite3', '@eventstore/*', 'mongodb', 'express', 'jose', 'pino', 'rxjs', '@lagesbild/*'],
              message: 'libs/domain uses nothing but the language.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
