// @ts-check
/**
 * No import cycles between files (issue 13): the project's import graph, read from the sources, and
 * its cycles (Tarjan's strongly connected components). `test/unit/lint/cycles.test.ts` fails on
 * any cycle, so `npm test` does. Type-only imports count: a cycle of types is still two files that
 * cannot be understood one without the other.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(ts|tsx|js|mjs)$/;
const IMPORT = /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The relative specifiers a source file imports or re-exports (static and dynamic imports). */
export function importsOf(source) {
  const out = [];
  for (const m of source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '').matchAll(IMPORT)) {
    const specifier = m[1] ?? m[2];
    if (specifier && specifier.startsWith('.')) out.push(specifier);
  }
  return out;
}

function resolveFile(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  const stem = base.replace(/\.js$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (SOURCE.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(full);
    return SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** A path relative to the root, with '/' separators on every system. */
function relative(root, file) {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The import graph of the source files under these folders: file → the files it imports (paths relative to root). */
export function importGraph(root, folders) {
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  for (const file of folders.flatMap((f) => walk(path.join(root, f)))) {
    const targets = importsOf(readFileSync(file, 'utf8'))
      .map((s) => resolveFile(file, s))
      .filter((t) => t !== undefined)
      .map((t) => relative(root, t));
    graph.set(relative(root, file), [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle of the graph, as the files of each strongly connected component (sorted), largest first. */
export function findCycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  function visit(node) {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node), index.get(to)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) cycles.push(component.sort());
    }
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => b.length - a.length);
}
