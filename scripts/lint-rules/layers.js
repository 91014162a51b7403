// @ts-check
/**
 * The layer rule (ARCHITECTURE.md §1), in the manner of VS Code's code-layering rule: each top-level
 * folder may import only from the folders below it. A wrong import fails `npm run lint`, and so
 * `npm test`.
 *
 *   shared/    pure: imports shared/ only; no DOM/UI/database/Electron packages, no Node built-ins
 *   renderer/  shared/, renderer/, locales/; never electron/ or cli/, no Node built-ins
 *   electron/  shared/, electron/, locales/; never renderer/ or cli/
 *   cli/       shared/, cli/, locales/; never renderer/ or electron/
 *   test/, scripts/, bench/, root configs: anything
 *
 * and, inside the layers, at any depth (VS Code's code-import-patterns):
 *
 *   shared/sync/**                  the sync core: only shared/sync and the text/i18n basics; no
 *                                   feature, no composition root (it is handed its tables)
 *   shared/trust/**                 the trust core: shared/trust, the sync core, the basics and the
 *                                   demo PC's constants; no feature (it is handed its rules)
 *   shared/report/**                the report engine (tables, CSV, xlsx, print HTML): only itself and
 *                                   the basics; no feature, no domain (features build its tables)
 *   renderer/src/features/<a>/**    never renderer/src/features/<b>: shared pieces live in
 *                                   renderer/src/components/ or shared/; of renderer/src/app/ only
 *                                   the services and contracts a feature is given (APP_SERVICES)
 *   renderer/src/app/**             a feature only through its index (features/<x>/index.ts), where
 *                                   it declares its routes, navigation and namespaces
 *
 * Import cycles between files are found by cycles.js (test/unit/lint/cycles.test.ts).
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

const ALLOWED_FOLDERS = {
  shared: ['shared'],
  renderer: ['shared', 'renderer', 'locales'],
  electron: ['shared', 'electron', 'locales'],
  cli: ['shared', 'cli', 'locales'],
};

/** Packages that would tie shared/ to a runtime: UI, database, shell. */
const SHARED_FORBIDDEN_PACKAGES = [
  'react',
  'react-dom',
  'react-i18next',
  'i18next',
  'recharts',
  'dexie',
  'dexie-react-hooks',
  'electron',
  /^@mui\//,
  /^@emotion\//,
  /^@fontsource\//,
];

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The basics every core may use: bilingual text, formatting, searching. */
const BASICS = ['shared/i18n/', 'shared/text/'];

/** Folders inside a layer that may import only from the listed paths (prefixes, relative to the root). */
const CORES = [
  { folder: 'shared/sync/', allow: ['shared/sync/', ...BASICS], name: 'the sync core (shared/sync)' },
  {
    folder: 'shared/trust/',
    allow: ['shared/trust/', 'shared/sync/', ...BASICS, 'shared/demo/names.ts', 'shared/demo/writer.ts'],
    name: 'the trust core (shared/trust)',
  },
  { folder: 'shared/report/', allow: ['shared/report/', ...BASICS], name: 'the report engine (shared/report)' },
];

const FEATURES = 'renderer/src/features/';
const APP = 'renderer/src/app/';

/**
 * What a feature may take from the shell: the narrow services, the routes, the shared write and
 * headline hooks, and the contract its index declares itself with. Never the shell itself or the
 * composition list (app/features.ts), which imports the features.
 */
const APP_SERVICES = ['context', 'routes', 'feature', 'useWrite', 'useStatsWrite', 'useHeadline', 'useStanding'].map((f) => `${APP}${f}`);

/** The path of a file relative to the root, with '/' separators. */
function relativePath(file, root) {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The feature folder a renderer path lies in (`renderer/src/features/<feature>/...`), or null. */
function featureOf(rel) {
  if (!rel.startsWith(FEATURES)) return null;
  const rest = rel.slice(FEATURES.length).split('/');
  return rest.length > 1 ? rest[0] : null;
}

/** What is wrong with importing `to` from `from` inside a layer (both relative paths), or null. */
function boundaryProblem(from, to) {
  for (const core of CORES) {
    if (!from.startsWith(core.folder)) continue;
    const target = to.replace(/\.(ts|tsx|js)$/, '');
    const allowed = core.allow.some((a) => (a.endsWith('/') ? to.startsWith(a) : target === a.replace(/\.(ts|tsx|js)$/, '')));
    if (!allowed) return { messageId: 'core', data: { core: core.name, to } };
  }
  const a = featureOf(from);
  const b = featureOf(to);
  if (a && b && a !== b) return { messageId: 'feature', data: { from: a, to: b } };
  const target = to.replace(/\.(ts|tsx|js)$/, '');
  if (a && to.startsWith(APP) && !APP_SERVICES.includes(target)) return { messageId: 'featureToApp', data: { from: a, to } };
  if (from.startsWith(APP) && to.startsWith(FEATURES)) {
    const [feature, ...inside] = target.slice(FEATURES.length).split('/');
    if (inside.length > 0 && inside.join('/') !== 'index') return { messageId: 'appToFeature', data: { to, feature } };
  }
  return null;
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(specifier));
}

/** The top-level folder of a file, relative to the project root, or null outside a layer. */
function layerOf(file, root) {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep)[0] ?? null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const importDirection = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer direction shared <- renderer/electron/cli.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      folder: '{{from}}/ may not import from {{to}}/ (layer rule: see docs/ARCHITECTURE.md).',
      builtin: '{{from}}/ may not import the Node built-in "{{name}}" (layer rule).',
      package: 'shared/ may not import "{{name}}": shared/ is pure (layer rule).',
      core: '{{core}} may not import {{to}}: the cores are handed what the features declare (layer rule, docs/ARCHITECTURE.md "Features").',
      feature: 'features/{{from}} may not import features/{{to}}: move the shared piece to renderer/src/components/ or shared/ (layer rule).',
      featureToApp: 'features/{{from}} may not import {{to}}: a feature takes only the services of app/context, app/routes, app/feature the shared write/headline hooks and useStanding (layer rule).',
      appToFeature: 'the shell may not import {{to}}: compose features through their index (features/{{feature}}/index.ts) and app/features.ts (layer rule, docs/ARCHITECTURE.md "Features").',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const filename = context.filename;
    const from = layerOf(filename, root);
    if (!from || !(from in ALLOWED_FOLDERS)) return {};
    const allowed = ALLOWED_FOLDERS[/** @type {keyof typeof ALLOWED_FOLDERS} */ (from)];

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = path.resolve(path.dirname(filename), specifier);
        const to = layerOf(target, root);
        if (to && !allowed.includes(to)) {
          context.report({ node, messageId: 'folder', data: { from, to } });
          return;
        }
        const problem = boundaryProblem(relativePath(filename, root), relativePath(target, root));
        if (problem) context.report({ node, ...problem });
        return;
      }
      if (from !== 'electron' && from !== 'cli' && isNodeBuiltin(specifier)) {
        context.report({ node, messageId: 'builtin', data: { from, name: specifier } });
        return;
      }
      if (from === 'renderer' && packageName(specifier) === 'electron') {
        context.report({ node, messageId: 'folder', data: { from, to: 'electron' } });
        return;
      }
      if (from === 'shared') {
        const name = packageName(specifier);
        if (SHARED_FORBIDDEN_PACKAGES.some((p) => (typeof p === 'string' ? p === name : p.test(name)))) {
          context.report({ node, messageId: 'package', data: { name } });
        }
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { 'import-direction': importDirection } };
