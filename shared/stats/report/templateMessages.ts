import { ALL_FIGURES, type AnyFigure } from '../../domain/stats';
import { formatInteger } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import { interpolate } from '../../i18n/interpolate';
import type { ReportMessages } from './messages';
import type { TemplateProblem, TemplateRefusalResult } from './templateRead';

const isFigure = (key: string): key is AnyFigure => (ALL_FIGURES as readonly string[]).includes(key);

/**
 * The sentence for a refusal or a problem, from `template.<reason>` in report.json. Figure lists
 * (wrong-figures) arrive as keys and leave as the figures' names in the reader's language.
 */
export function templateMessage(issue: TemplateRefusalResult | TemplateProblem, messages: ReportMessages, lang: Lang): string {
  const separator = lang === 'ug' ? '، ' : '、';
  const figureNames = (list: string | number | undefined): string =>
    String(list ?? '')
      .split(',')
      .filter(isFigure)
      .map((figure) => messages.figures[figure])
      .join(separator);
  if ('detail' in issue) {
    const detail = issue.reason === 'wrong-figures' ? { found: figureNames(issue.detail['found']), expected: figureNames(issue.detail['expected']) } : issue.detail;
    return interpolate(messages.template[issue.reason], detail);
  }
  const numbers = Object.fromEntries(Object.entries(issue.params ?? {}).map(([key, n]) => [key, formatInteger(n, lang)]));
  return interpolate(messages.template[issue.reason], {
    ...numbers,
    code: issue.code ?? '',
    value: numbers['value'] ?? issue.value ?? '',
    figure: issue.figure ? messages.figures[issue.figure] : '',
    related: issue.related ? messages.figures[issue.related] : '',
    formula: issue.formula ?? '',
  });
}
