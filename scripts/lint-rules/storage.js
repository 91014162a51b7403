// @ts-check
/**
 * Components never read storage themselves (issue 13): a `.tsx` component under
 * renderer/src/features/** says what it wants from its feature's data module — a `use<Feature>Data.ts`
 * hook, a `<feature>Service.ts` function, a store query — and never how it is stored. So in such a
 * file there is no `.db` (nor a `db` taken out of anything), no `.table(…)`, no Dexie import and no
 * `useLiveQuery`. Hooks (`use*.ts`) and services (`*.ts`) of the feature may; so may the store.
 *
 * The store itself still reaches components as `useStore()`, for writes (`store.repo`) and for the
 * services that take the whole store (`exportBundle(store, …)`): those name what they do.
 */
import path from 'node:path';

const FEATURES = 'renderer/src/features/';
const STORAGE_PACKAGES = new Set(['dexie', 'dexie-react-hooks']);

/** Whether the file is a feature's component (a .tsx under renderer/src/features/). */
function isFeatureComponent(file, root) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return rel.startsWith(FEATURES) && rel.endsWith('.tsx');
}

/** @type {import('eslint').Rule.RuleModule} */
export const noStorageInComponents = {
  meta: {
    type: 'problem',
    docs: { description: "A feature's components read data through the feature's data module, never from the database." },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      db: 'A component does not touch the database (`db`): call a named read of the feature (use<Feature>Data.ts, <feature>Service.ts) — docs/ARCHITECTURE.md "Features".',
      table: 'A component does not read tables (`.table(…)`): call a named read of the feature (use<Feature>Data.ts, <feature>Service.ts).',
      dexie: 'A component does not use "{{name}}": its feature\'s data hooks (use<Feature>Data.ts) read the database.',
      liveQuery: 'A component does not run live queries: its feature\'s data hooks (use<Feature>Data.ts) do.',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    if (!isFeatureComponent(context.filename, root)) return {};
    return {
      MemberExpression(node) {
        if (!node.computed && node.property.type === 'Identifier' && node.property.name === 'db') context.report({ node: node.property, messageId: 'db' });
      },
      // `const { db } = store`, `({ db }) => …`
      'ObjectPattern > Property'(node) {
        if (!node.computed && node.key.type === 'Identifier' && node.key.name === 'db') context.report({ node: node.key, messageId: 'db' });
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'table') {
          context.report({ node: callee.property, messageId: 'table' });
        }
        if (callee.type === 'Identifier' && callee.name === 'useLiveQuery') context.report({ node: callee, messageId: 'liveQuery' });
      },
      ImportDeclaration(node) {
        const name = String(node.source.value);
        // A type (`import type { Table } from 'dexie'`) reads nothing.
        if (STORAGE_PACKAGES.has(name) && /** @type {{ importKind?: string }} */ (node).importKind !== 'type') {
          context.report({ node: node.source, messageId: 'dexie', data: { name } });
        }
      },
    };
  },
};

export default { rules: { 'no-storage-in-components': noStorageInComponents } };
