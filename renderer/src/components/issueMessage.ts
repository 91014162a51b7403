import type { TFunction } from 'i18next';
import { formatInteger, formatPercent } from '../../../shared/i18n/format';
import type { Lang } from '../../../shared/i18n/lang';
import type { Issue } from '../../../shared/stats/validation';

const FRACTIONS = new Set(['change', 'threshold', 'ratio', 'target']);

/**
 * A statistics issue (shared/stats/validation.ts) in words, its numbers formatted for the language
 * (fractions as percentages): in the entry grid, and wherever else a report's figures are checked
 * (the USB import preview).
 */
export function issueMessage(issue: Issue, t: TFunction, lang: Lang): string {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(issue.params ?? {})) {
    values[key] = FRACTIONS.has(key) ? formatPercent(Math.abs(value), lang, 1) : formatInteger(value, lang);
  }
  if (issue.related) values.related = t(`stats:figures.${issue.related}`);
  // The sex checks name their own cell too (the same words serve every sex figure).
  values.figure = t(`stats:figures.${issue.figure}`);
  return t(`stats:issues.${issue.code}`, values);
}
