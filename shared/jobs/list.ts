import { createCollator } from '../i18n/collate';
import { pickText, type BilingualText, type Lang } from '../i18n/lang';
import { noticeDay, shownStatus, type ShownStatus } from './notice';
import type { Notice, Placement } from './rows';

/*
 * The notice list: rows with their display texts computed once, then filtered and sorted. Pure, so
 * the list's promises are tested here and its speed measured in bench/jobs.bench.ts; the screen
 * shows one page of the result.
 */

export interface NoticeListRow {
  notice: Notice;
  employer: string;
  title: string;
  township: string;
  shown: ShownStatus;
  placements: number;
}

export const NOTICE_SORT_KEYS = ['employer', 'title', 'township', 'openings', 'pay', 'publishedOn', 'closesOn', 'status', 'placements'] as const;
export type NoticeSortKey = (typeof NOTICE_SORT_KEYS)[number];

export interface NoticeFilter {
  status: ShownStatus | 'all';
  /** A township org id, 'none' (no township), or 'all'. */
  township: string;
  /** yyyy-mm-dd or '': the notice's day (published, else entered) from / to, inclusive. */
  from: string;
  to: string;
}

export const NO_FILTER: NoticeFilter = { status: 'all', township: 'all', from: '', to: '' };

export interface NoticeSort {
  key: NoticeSortKey;
  descending: boolean;
}

export function noticeListRows(notices: readonly Notice[], placements: readonly Placement[], townshipName: (id: string) => BilingualText | undefined, lang: Lang, today: string): NoticeListRow[] {
  const counts = new Map<string, number>();
  for (const p of placements) counts.set(p.noticeId, (counts.get(p.noticeId) ?? 0) + 1);
  return notices.map((notice) => {
    const township = notice.townshipId ? townshipName(notice.townshipId) : undefined;
    return {
      notice,
      employer: pickText(notice.employer, lang).text,
      title: pickText(notice.title, lang).text,
      township: township ? pickText(township, lang).text : '',
      shown: shownStatus(notice, today),
      placements: counts.get(notice.id) ?? 0,
    };
  });
}

const STATUS_ORDER: Record<ShownStatus, number> = { draft: 0, published: 1, expired: 2, filled: 3, closed: 4 };

/** Rows passing the filter (and the search, `matching` null meaning no search), sorted; ties by newest, then id. */
export function filterAndSort(rows: readonly NoticeListRow[], matching: ReadonlySet<string> | null, filter: NoticeFilter, sort: NoticeSort, lang: Lang): NoticeListRow[] {
  const kept = rows.filter((row) => {
    const n = row.notice;
    if (matching && !matching.has(n.id)) return false;
    if (filter.status !== 'all' && row.shown !== filter.status) return false;
    if (filter.township === 'none' ? n.townshipId !== null : filter.township !== 'all' && n.townshipId !== filter.township) return false;
    const day = noticeDay(n);
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
    return true;
  });
  const collator = createCollator(lang);
  const byText = (a: string, b: string) => (a === b ? 0 : a === '' ? 1 : b === '' ? -1 : collator.compare(a, b));
  const byNumber = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);
  const compare = (a: NoticeListRow, b: NoticeListRow): number => {
    switch (sort.key) {
      case 'employer':
        return byText(a.employer, b.employer);
      case 'title':
        return byText(a.title, b.title);
      case 'township':
        return byText(a.township, b.township);
      case 'openings':
        return a.notice.openings - b.notice.openings;
      case 'pay':
        return byNumber(a.notice.payMax ?? a.notice.payMin, b.notice.payMax ?? b.notice.payMin);
      case 'publishedOn':
        return byText(noticeDay(a.notice), noticeDay(b.notice));
      case 'closesOn':
        return byText(a.notice.closesOn, b.notice.closesOn);
      case 'status':
        return STATUS_ORDER[a.shown] - STATUS_ORDER[b.shown];
      case 'placements':
        return a.placements - b.placements;
    }
  };
  const sign = sort.descending ? -1 : 1;
  const tie = (a: NoticeListRow, b: NoticeListRow) => (noticeDay(a.notice) < noticeDay(b.notice) ? 1 : noticeDay(a.notice) > noticeDay(b.notice) ? -1 : a.notice.id < b.notice.id ? -1 : 1);
  return kept.sort((a, b) => sign * compare(a, b) || tie(a, b));
}
