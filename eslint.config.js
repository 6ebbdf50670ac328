// ESLint (flat config): the recommended rules over the extension, the demo page and the
// JS tests. The extension and the demo are classic scripts that share globals through
// `globalThis.newslens*`; the tests and the bench are Node ES modules.
import js from '@eslint/js';
import globals from 'globals';

export default [
  // Build output: copies of the sources and the generated wasm glue.
  { ignores: ['target/'] },
  js.configs.recommended,
  {
    rules: {
      // `catch (error)` that ignores its error is a deliberate choice, said in a comment.
      'no-unused-vars': ['error', { caughtErrors: 'none' }],
    },
  },
  {
    files: ['extension/**/*.js', 'www/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, ...globals.webextensions, wasm_bindgen: 'readonly', newslensLearned: 'readonly' },
    },
  },
  {
    files: ['extension/background.js'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ['www/worker.js'],
    languageOptions: { globals: globals.worker },
  },
  {
    // Evaluated in the page by the tests, as a function body.
    files: ['tests/e2e/probe.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
    rules: { 'no-unused-vars': ['error', { varsIgnorePattern: '^newslensProbe$' }] },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The browser tests pass functions to the pages and the extension's background they
    // drive (`evaluate`).
    files: ['tests/e2e/**/*.mjs', 'tests/bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
];
