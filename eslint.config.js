// One lint config for the whole repo; each package runs `eslint .` from its own folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.data/**',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in apps/server/src/env.ts and pass it in.',
        },
      ],
    },
  },
  {
    // Entry points that are allowed to read the environment.
    files: [
      'apps/server/src/env.ts',
      '**/*.test.ts',
      '**/test/**',
      'e2e/**',
      'packages/client/src/cli/**',
      'packages/testing/**',
      'apps/server/src/cli/**',
      '**/vite.config.ts',
      '**/vitest.config.ts',
      '**/playwright.config.ts',
      'bench/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
