import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/main';
import { APP_REGISTRY } from '../../../shared/app/registry';
import type { FeatureModule } from '../../../shared/feature/module';
import { composeRegistry, type Registry } from '../../../shared/feature/registry';
import type { ReportKind } from '../../../shared/feature/reports';
import type { ReportTable } from '../../../shared/report/table';

/*
 * Report kinds are declared by their features (shared/<feature>/reports.ts) and composed by the
 * registry; `league-desk report --kind` offers the statistics summary and exactly what the registry
 * holds, so a feature's new report touches its folder only.
 */

async function cli(argv: string[], registry?: Registry) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, {}, registry);
  return { code, stdout, stderr };
}

const table = (title: string): ReportTable => ({
  title,
  lang: 'zh-CN',
  direction: 'ltr',
  columns: [{ key: 'name', header: { zh: '名称', ug: 'نامى' }, kind: 'text' }],
  rows: [{ name: title }],
  sheetName: title,
  untranslatedMark: '',
  pageFooter: '{{page}}/{{pages}}',
});

/** A report of a feature the app does not have, reading its namespace's messages. */
const POLL_REPORT: ReportKind = {
  name: 'poll-results',
  namespace: 'common',
  demo: (demo, lang, locales) => ({
    json: { orgs: demo.orgs.length, lang, hasMessages: typeof locales[lang] === 'object' },
    tables: [table('first'), table('second')],
  }),
};
const pollFeature: FeatureModule = { name: 'polls', tables: [], reports: [POLL_REPORT] };

describe('report kinds', () => {
  it('are each feature\'s, in the order the features are registered, each with its messages in both languages', () => {
    expect(APP_REGISTRY.reports.map((k) => k.name)).toEqual(['jobs', 'contest-results']);
    for (const kind of APP_REGISTRY.reports) {
      for (const lang of ['zh-CN', 'ug']) expect(existsSync(new URL(`../../../locales/${lang}/${kind.namespace}.json`, import.meta.url)), `${lang}/${kind.namespace}`).toBe(true);
    }
  });

  it('two features may not offer one kind name', () => {
    expect(() => composeRegistry([pollFeature, { ...pollFeature, name: 'polls2' }])).toThrow(/poll-results/);
  });

  it('a registered feature\'s kind is offered by league-desk report, written in each format from what it built', async () => {
    const registry = composeRegistry([...APP_REGISTRY.features, pollFeature]);
    const json = await cli(['report', '--demo', '--kind', 'poll-results', '--lang', 'ug'], registry);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ orgs: expect.any(Number), lang: 'ug', hasMessages: true });
    // CSV writes the first table only (one header row, as CSV readers want).
    const csv = await cli(['report', '--demo', '--kind', 'poll-results', '--format', 'csv'], registry);
    expect(csv.stdout).toContain('first');
    expect(csv.stdout).not.toContain('second');
    // Without the feature, the kind is unknown and the choices say what there is.
    const unknown = await cli(['report', '--demo', '--kind', 'poll-results']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('stats, jobs, contest-results');
  });
});
