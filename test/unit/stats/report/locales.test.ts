import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TemplateProblem, TemplateRefusalResult } from '../../../../shared/stats/report/templateRead';
import { TEMPLATE_PROBLEMS, TEMPLATE_REFUSALS } from '../../../../shared/stats/report/templateReasons';
import { templateMessage } from '../../../../shared/stats/report/templateMessages';
import { interpolate } from '../../../../shared/i18n/interpolate';
import { periodText } from '../../../../shared/stats/report/messages';
import { LOCALES } from '../../report/helpers';

const leaves = (node: unknown, prefix = ''): Array<[string, string]> =>
  typeof node === 'string'
    ? [[prefix, node]]
    : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
const load = (lang: string): Map<string, string> => new Map(leaves(JSON.parse(readFileSync(new URL(`../../../../locales/${lang}/report.json`, import.meta.url), 'utf8'))));

describe('locales/*/report.json', () => {
  it('writes Uyghur in Arabic script and never in Chinese characters', () => {
    for (const [key, text] of load('ug')) {
      expect(text, key).not.toMatch(/[\u4E00-\u9FFF]/);
      // A value of placeholders and punctuation only ("{{county}} · {{period}}") has no words to write.
      const words = text.replace(/\{\{\w+\}\}/g, '').replace(/[\s\p{P}\p{S}]/gu, '');
      if (words !== '') expect(text, key).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('has a message for every refusal and problem code, filled from its detail in both languages', () => {
    const refusals: TemplateRefusalResult[] = TEMPLATE_REFUSALS.map((reason) => ({
      ok: false,
      reason,
      detail: { found: 'members,youth1428', expected: 'members', version: 2, supported: 1, limit: 64 },
    }));
    const problems: TemplateProblem[] = TEMPLATE_PROBLEMS.map((reason) => ({
      sheet: 's',
      cell: 'C5',
      code: 'LT-01-001',
      figure: 'members',
      reason,
      value: '-3',
      related: 'youth1428',
      params: { value: 90, limit: 60, male: 50, female: 41, sum: 91, total: 90 },
    }));
    for (const lang of ['zh-CN', 'ug'] as const) {
      for (const issue of [...refusals, ...problems]) {
        const message = templateMessage(issue, LOCALES[lang], lang);
        expect(message, `${lang} ${issue.reason}`).not.toMatch(/\{\{/);
        expect(message.length, `${lang} ${issue.reason}`).toBeGreaterThan(5);
      }
    }
    const wrongFigures = refusals.find((r) => r.reason === 'wrong-figures')!;
    expect(templateMessage(wrongFigures, LOCALES['zh-CN'], 'zh-CN')).toContain('（团员、14–28 岁青年）');
    expect(templateMessage(problems.find((p) => p.reason === 'unknown-branch')!, LOCALES.ug, 'ug')).toMatch(/^LT-01-001 /);
    const above: TemplateProblem = { sheet: 's', cell: 'C7', code: 'LT-01-003', figure: 'members', reason: 'figure-above-figure', related: 'youth1428', params: { value: 90, limit: 60 } };
    expect(templateMessage(above, LOCALES['zh-CN'], 'zh-CN')).toBe('团员（90）多于14–28 岁青年（60），这一行不会导入。请在表中改正后重新导入。');
    // Uyghur numbers are isolated left to right inside the sentence.
    expect(templateMessage(above, LOCALES.ug, 'ug')).toContain('(\u206690\u2069)');
  });

  it('names periods in both languages', () => {
    expect(['2025', '2025H1', '2025H2', '2025Q3', '2025M07'].map((p) => periodText(p, LOCALES['zh-CN']))).toEqual([
      '2025年度',
      '2025年上半年',
      '2025年下半年',
      '2025年第3季度',
      '2025年7月',
    ]);
    expect(periodText('2025M07', LOCALES.ug)).toBe('2025-يىلى 7-ئاي');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{{a}} and {{b}}', { a: 1 })).toBe('1 and {{b}}');
  });
});
