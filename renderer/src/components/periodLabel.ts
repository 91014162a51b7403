import type { TFunction } from 'i18next';

/** A period in words: 2026 → 2026年度, 2026Q1 → 2026年第1季度 (and the Uyghur equivalents). */
export function periodLabel(period: string, t: TFunction): string {
  const year = period.slice(0, 4);
  const kind = period.charAt(4);
  const index = Number(period.slice(5));
  if (kind === 'H') return t(index === 1 ? 'stats:period.firstHalf' : 'stats:period.secondHalf', { year });
  if (kind === 'Q') return t('stats:period.quarter', { year, index });
  if (kind === 'M') return t('stats:period.month', { year, index });
  return t('stats:period.year', { year });
}
