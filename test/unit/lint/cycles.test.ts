import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, importsOf } from '../../../scripts/lint-rules/cycles.js';

/*
 * No import cycles between files (issue 13): a cycle means two files that cannot be understood, or
 * tested, one without the other, and it is how the sync core and the features had come to depend
 * on each other. Type-only imports count too. The check reads the project's own sources.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('the cycle check', () => {
  it('reads every kind of relative import, and nothing from packages or comments', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      'import {\n  c,\n  type D,\n} from "./c";',
      "export { e } from './e';",
      "export * from './f';",
      "import './g';",
      "const h = await import('./h');",
      "import React from 'react';",
      "// import { x } from './commented';",
      "/* import { y } from './block'; */",
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a', '../b', './c', './e', './f', './g', './h']);
  });

  it('finds a cycle of two files, a longer one, and a file importing itself; a diamond is no cycle', () => {
    expect(findCycles(graph({ a: ['b'], b: ['a'] }))).toEqual([['a', 'b']]);
    expect(findCycles(graph({ 'sync/tables': ['jobs/rows'], 'jobs/rows': ['jobs/dates'], 'jobs/dates': ['sync/write'], 'sync/write': ['sync/tables'] }))).toEqual([
      ['jobs/dates', 'jobs/rows', 'sync/tables', 'sync/write'],
    ]);
    expect(findCycles(graph({ a: ['a'] }))).toEqual([['a']]);
    expect(findCycles(graph({ top: ['left', 'right'], left: ['bottom'], right: ['bottom'], bottom: [] }))).toEqual([]);
  });

  it('finds each of two separate cycles, largest first', () => {
    expect(findCycles(graph({ a: ['b'], b: ['a'], x: ['y'], y: ['z'], z: ['x'], free: ['a', 'x'] }))).toEqual([
      ['x', 'y', 'z'],
      ['a', 'b'],
    ]);
  });
});

describe('the project', () => {
  const project = importGraph(root, ['shared', 'renderer', 'cli', 'electron', 'bench', 'scripts']);

  it('is read whole: the composition root reaches the sync core, and pages their store', () => {
    expect(project.get('shared/app/registry.ts')).toContain('shared/jobs/feature.ts');
    expect(project.get('shared/sync/import.ts')).toContain('shared/sync/merge.ts');
    expect(project.get('renderer/src/store/changeLog.ts')).toContain('renderer/src/store/logPages.ts');
  });

  it('has no import cycle between files', () => {
    expect(findCycles(project)).toEqual([]);
  });
});
