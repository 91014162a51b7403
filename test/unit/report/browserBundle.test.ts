import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { readTemplate as ReadTemplate } from '../../../shared/stats/report/templateRead';
import type { writeTemplate as WriteTemplate } from '../../../shared/stats/report/template';
import type { toXlsx as ToXlsx } from '../../../shared/report/xlsx';
import { countySummaryTable } from '../../../shared/stats/report/countySummaryTable';
import { LOCALES, demoInput, readBack, sheet, summaryOf } from './helpers';
import { expectation, rows, round, township } from '../stats/report/templateFixtures';

/*
 * The renderer gets exceljs's browser build (package.json "browser": dist/exceljs.min.js), not the
 * Node one the other tests use. This bundles the writers and the reader as a browser bundler does
 * (esbuild, platform browser: the same field Vite follows), checks no Node built-in came along,
 * then runs the bundle and reads what it wrote with the Node build.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'league-desk-report-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = path.join(dir, 'entry.ts');
const root = path.resolve(import.meta.dirname, '../../..');
writeFileSync(
  entry,
  ['shared/report/xlsx.ts', 'shared/stats/report/template.ts', 'shared/stats/report/templateRead.ts'].map((file) => `export * from ${JSON.stringify(path.join(root, file))};`).join('\n'),
);
const built = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent', target: 'chrome120', absWorkingDir: root });
const outFile = path.join(dir, 'bundle.mjs');
writeFileSync(outFile, built.outputFiles[0]!.contents);

describe('the xlsx writer and the township template in a browser bundle', () => {
  it('takes exceljs\'s browser build and no Node module', () => {
    const inputs = Object.keys(built.metafile.inputs);
    expect(inputs).toContain('node_modules/exceljs/dist/exceljs.min.js');
    expect(inputs.filter((i) => i.startsWith('node_modules/exceljs/lib/'))).toEqual([]);
    expect(inputs.filter((i) => !i.startsWith('node_modules/') && !i.startsWith('shared/') && !i.endsWith('entry.ts'))).toEqual([]);
  });

  it('writes a county summary and a template that read back, and reads a template', async () => {
    const bundle = (await import(pathToFileURL(outFile).href)) as { toXlsx: typeof ToXlsx; writeTemplate: typeof WriteTemplate; readTemplate: typeof ReadTemplate };
    const summary = await readBack(await bundle.toXlsx(countySummaryTable(summaryOf(demoInput()), 'ug', LOCALES)));
    expect(sheet(summary).views[0]).toMatchObject({ state: 'frozen', rightToLeft: true });
    expect(sheet(summary).getCell(`D${5 + 17}`).value).toBe(5849);

    const bytes = await bundle.writeTemplate({ county: { code: 'LT' }, township, round, orgs: rows.orgs, values: rows.values, lang: 'ug', locales: LOCALES });
    const result = await bundle.readTemplate(bytes, expectation);
    expect(result.ok && result.rows.length).toBe(37);
    expect(result.ok && result.problems).toEqual([]);
  });
});
