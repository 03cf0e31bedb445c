// Lint rules that keep the layers apart and the code honest. Formatting is Prettier's (eslint-config-prettier turns
// off every rule it owns). The layering (README "How it is built"): core depends on nothing of ours but shared;
// server and client build on core and shared; only local (Node tooling) may reach the emulator.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const layer = (what, groups) => ({
  patterns: [{ group: groups, message: `${what} (see README "How it is built").` }],
});

/** Imports each layer may not make, as gitignore-style globs over the import specifier. */
const forbidden = {
  core: layer('core is pure domain logic: no server, client, local or Node code', [
    '**/server/**',
    '**/client/**',
    '**/local/**',
    'node:*',
    'fs',
    'path',
  ]),
  shared: layer('shared is the typed contract only', ['**/server/**', '**/client/**', '**/local/**', 'node:*']),
  server: layer('server holds Apps Script adapters: no client, local (emulator) or Node code', [
    '**/client/**',
    '**/local/**',
    'node:*',
  ]),
  client: layer('sidebars talk to the server through google.script.run only', [
    '**/server/**',
    '**/local/**',
    'node:*',
  ]),
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.sandbox/**', 'test-results/**', 'coverage/**', 'test/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `any` is allowed only with a comment that says why: an eslint-disable with a description.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', forbidden.core] } },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', forbidden.shared] } },
  { files: ['src/server/**/*.ts'], rules: { 'no-restricted-imports': ['error', forbidden.server] } },
  { files: ['src/client/**/*.ts'], rules: { 'no-restricted-imports': ['error', forbidden.client] } },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
