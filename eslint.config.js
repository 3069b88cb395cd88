import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/node_modules/', 'bench/results/', 'bench/.tmp/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', setImmediate: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Code outside a library reaches it only through its alias (STYLE.md rule 12).
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/libs/*/src/**', '@lagesbild/*/src/**'], message: 'Import a library through @lagesbild/<lib>.' }] },
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
