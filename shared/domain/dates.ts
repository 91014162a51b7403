import { z } from 'zod';
import { isIsoCalendarDate } from '../i18n/format';

/** A calendar date `yyyy-mm-dd` that exists (no 2026-02-30). Compared as text: the format sorts. */
export const isoDateSchema = z.string().refine(isIsoDate, { message: 'not-a-date' });

export function isIsoDate(text: string): boolean {
  return isIsoCalendarDate(text);
}

/** Days from `a` to `b` (both yyyy-mm-dd), whole days, negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same calendar day `years` later (29 February on to 1 March when that year has none). */
export function addYears(date: string, years: number): string {
  const at = new Date(Date.parse(`${date}T00:00:00Z`));
  at.setUTCFullYear(at.getUTCFullYear() + years);
  return at.toISOString().slice(0, 10);
}

/** Today on this machine's calendar (not UTC: at 07:00 in Xinjiang it is still yesterday in UTC). */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
