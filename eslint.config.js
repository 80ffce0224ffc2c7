// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const globals = require('globals');
const { readdirSync } = require('node:fs');
const importX = require('eslint-plugin-import-x');

const CLIENT = './client/src';
const FEATURES = readdirSync(`${CLIENT}/features`);

/**
 * bulletproof-react's layers: app/ composes pages from features; a feature reaches another only through its public
 * entry (index.ts); lib/, components/ and i18n/ are shared and import neither.
 */
const CLIENT_ZONES = [
  { target: `${CLIENT}/features`, from: `${CLIENT}/app`, message: 'app/ composes features, not the reverse.' },
  ...['lib', 'components', 'i18n'].map((shared) => ({
    target: `${CLIENT}/${shared}`,
    from: [`${CLIENT}/features`, `${CLIENT}/app`],
    message: 'Shared code imports no feature.',
  })),
  ...FEATURES.map((feature) => ({
    target: `${CLIENT}/features/${feature}`,
    from: `${CLIENT}/features`,
    except: [`./${feature}`, ...FEATURES.filter((other) => other !== feature).map((other) => `./${other}/index.ts`)],
    message: 'Import another feature through its public entry (features/<name>/index.ts).',
  })),
];

module.exports = tseslint.config(
  {
    ignores: [
      'dist/',
      'client/dist/',
      'client/*.ts',
      'node_modules/',
      'data/',
      'coverage/',
      '*.js',
      '*.cjs',
      'scripts/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'migrations/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Features add their events to ForumEvents as `interface ForumEvents extends PayloadsOf<…> {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // A module exports services, never repositories or entities' tables of another feature (STYLE.md §2).
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*/*.repository'], message: "Call the other module's service." }] },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
    plugins: { ...reactHooks.configs.flat.recommended.plugins, 'import-x': importX },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'import-x/no-restricted-paths': ['error', { zones: CLIENT_ZONES }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
