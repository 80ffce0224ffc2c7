// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/', 'client/', 'node_modules/', 'data/', 'coverage/', '*.js', 'scripts/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'migrations/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A module exports services, never repositories or entities' tables of another feature (STYLE.md §2).
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*/*.repository'], message: "Call the other module's service." }] },
      ],
    },
  },
);
