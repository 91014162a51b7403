// @ts-check
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layers from './scripts/lint-rules/layers.js';
import storage from './scripts/lint-rules/storage.js';

const TRANSACTION_RULES = [
  { selector: "CallExpression[callee.property.name='transaction']", message: 'Open transactions with inTransaction (renderer/src/store/tx.ts).' },
  { selector: "MemberExpression[object.name='Dexie'][property.name=/^(waitFor|currentTransaction)$/]", message: 'Do foreign async work before or after the transaction (renderer/src/store/tx.ts).' },
];

const NAMED_WRITE_RULES = [
  {
    selector: "CallExpression[callee.property.name='write'] ObjectExpression > Property[key.name='table'], CallExpression[callee.name='write'] ObjectExpression > Property[key.name='table']",
    message: 'Call a named write of the feature (shared/<feature>/writes.ts) instead of building a WriteSpec here.',
  },
];

const NARROW_SERVICE_RULES = [
  { selector: "ImportSpecifier[imported.name='useApp']", message: 'Take the services you use: useStore, useBridge, useNotify, useLanguage (app/context.ts).' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/artifacts/**', 'bench/results/**', 'hub-data/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { layers, storage },
    rules: {
      'layers/import-direction': ['error', { root: import.meta.dirname }],
      // A feature's components read data through its data module (use<Feature>Data.ts, services).
      'storage/no-storage-in-components': ['error', { root: import.meta.dirname }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Every IndexedDB transaction is opened by renderer/src/store/tx.ts (inTransaction), whose
    // body gets tables bound to it: Dexie's zone tracking is not relied on (issue 12).
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...TRANSACTION_RULES] },
  },
  {
    // Pages call named writes (shared/<feature>/writes.ts); they never build a write themselves.
    // Components take the narrow services (app/context.ts: useStore, useBridge, useNotify,
    // useLanguage).
    files: ['renderer/src/{app,components,features}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...TRANSACTION_RULES, ...NAMED_WRITE_RULES, ...NARROW_SERVICE_RULES] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
