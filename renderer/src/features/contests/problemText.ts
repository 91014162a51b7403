import type { TFunction } from 'i18next';
import type { EntryProblem } from '../../../../shared/contests/eligibility';
import { formatDate, formatInteger } from '../../../../shared/i18n/format';
import type { Lang } from '../../../../shared/i18n/lang';

/** A problem's message, its numbers and dates written the project's way (Chromium has no Uyghur data). */
export function problemText(t: TFunction<'contests'>, lang: Lang, problem: EntryProblem): string {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(problem.detail)) {
    values[key] = typeof value === 'number' ? formatInteger(value, lang) : /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, lang, 'short') : value;
  }
  return t(`problems.${problem.code}`, values);
}
