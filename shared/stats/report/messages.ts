import type { AnyFigure, ReportStatus } from '../../domain/stats';
import { interpolate } from '../../i18n/interpolate';
import type { Lang } from '../../i18n/lang';
import { bilingualLabel, type BilingualLabel } from '../../report/table';
import type { TemplateReason } from './templateReasons';

/**
 * The shape of locales/<lang>/report.json. shared/ may not read the locale files (layer rule), so
 * callers pass them in: the CLI imports the JSON, the renderer takes i18next's resource bundle.
 * Typing the parameter with this interface makes a key missing from either file a compile error
 * wherever the files are passed.
 */
export interface ReportMessages {
  untranslated: string;
  /** With {{page}} and {{pages}}. */
  pageFooter: string;
  period: { year: string; firstHalf: string; secondHalf: string; quarter: string; month: string };
  /** Every figure's name, the sex figures' included ("团员（女）"). */
  figures: Record<AnyFigure, string>;
  statuses: Record<ReportStatus, string>;
  countySummary: {
    title: string;
    subtitle: string;
    sheetName: string;
    columns: { code: string; name: string; reports: string; ratio: string; target: string; overTarget: string };
    total: string;
    over: string;
    notes: { ratio: string; statuses: string; target: string; coverage: string; partial: string };
    /** Appended to a percentage column's header in CSV, which holds the fraction (0.4863), not "48.6%". */
    csvFraction: string;
  };
  /** Which round a summary took and why (shared/stats/headline.ts), for the command line's stderr. */
  roundChoice: { chosen: string; complete: string; closed: string; latest: string; partial: string };
  templateSheet: {
    sheetName: string;
    title: string;
    instructions: string;
    columns: { code: string; name: string };
    validationTitle: string;
    validationMessage: string;
  };
  template: Record<TemplateReason, string>;
}

/** Both languages' messages: headers are bilingual, so every builder needs both. */
export type ReportLocales = Readonly<Record<Lang, ReportMessages>>;

/** A label from both languages' messages, for a bilingual header. */
export function bilingual(locales: ReportLocales, pick: (messages: ReportMessages) => string): BilingualLabel {
  return bilingualLabel(locales, pick);
}

/** A period in words: 2025 → 2025年度, 2025Q3 → 2025年第3季度, 2025M07 → 2025年7月. */
export function periodText(period: string, messages: ReportMessages): string {
  const year = period.slice(0, 4);
  const kind = period.charAt(4);
  const index = Number(period.slice(5));
  if (kind === 'H') return interpolate(index === 1 ? messages.period.firstHalf : messages.period.secondHalf, { year });
  if (kind === 'Q') return interpolate(messages.period.quarter, { year, index });
  if (kind === 'M') return interpolate(messages.period.month, { year, index });
  return interpolate(messages.period.year, { year });
}
