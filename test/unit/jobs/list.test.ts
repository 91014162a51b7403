import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCollator } from '../../../shared/i18n/collate';
import { addDays } from '../../../shared/domain/dates';
import { filterAndSort, NOTICE_SORT_KEYS, noticeListRows, type NoticeFilter } from '../../../shared/jobs/list';
import { noticeDay } from '../../../shared/jobs/notice';
import { NOTICE_STATUSES, type Notice } from '../../../shared/jobs/rows';
import { buildNoticeSearchIndex } from '../../../shared/jobs/search';
import { notice, placement } from './fixtures';

const EMPLOYERS = [{ zh: '轮台县宾馆', ug: 'بۈگۈر ناھىيەلىك مېھمانخانىسى' }, { zh: '轮台县幸福超市' }, { ug: 'بەخت تاللا بازىرى' }];
const TITLES = [{ zh: '电焊工', ug: 'ئېلېكتر كەپشەرچى' }, { zh: '收银员', ug: 'كاسسىر' }, { zh: '会计' }];
const names = (id: string) => (id === 't1' ? { zh: '轮台镇团委' } : id === 't2' ? { zh: '草湖乡团委' } : undefined);

const arbNotices = fc.array(
  fc.record({
    employer: fc.constantFrom(...EMPLOYERS),
    title: fc.constantFrom(...TITLES),
    status: fc.constantFrom(...NOTICE_STATUSES),
    township: fc.constantFrom('t1', 't2', null),
    day: fc.integer({ min: 0, max: 400 }),
    openings: fc.integer({ min: 1, max: 9 }),
  }),
  { maxLength: 40 },
);
interface Item {
  employer: Notice['employer'];
  title: Notice['title'];
  status: Notice['status'];
  township: string | null;
  day: number;
  openings: number;
}
const build = (items: Item[]) =>
  items.map((it, i) => {
    const publishedOn = it.status === 'draft' ? null : addDays('2025-01-01', it.day);
    return notice({ id: `n${i}`, employer: it.employer, title: it.title, status: it.status, townshipId: it.township, openings: it.openings, publishedOn, createdOn: addDays('2025-01-01', it.day), closesOn: addDays('2025-01-01', it.day + 30) });
  });

describe('the notice list', () => {
  it('keeps exactly the rows the filter describes, sorted by the chosen column (property)', () => {
    const arbFilter = fc.record({
      status: fc.constantFrom('all', 'draft', 'published', 'expired', 'closed', 'filled') as fc.Arbitrary<NoticeFilter['status']>,
      township: fc.constantFrom('all', 'none', 't1', 't2'),
      from: fc.constantFrom('', '2025-03-01'),
      to: fc.constantFrom('', '2025-10-01'),
    });
    fc.assert(
      fc.property(arbNotices, arbFilter, fc.constantFrom(...NOTICE_SORT_KEYS), fc.boolean(), fc.constantFrom('zh-CN' as const, 'ug' as const), (items, filter, key, descending, lang) => {
        const notices = build(items);
        const rows = noticeListRows(notices, [placement({ noticeId: 'n0' })], names, lang, '2025-08-01');
        const shown = filterAndSort(rows, null, filter, { key, descending }, lang);
        const expected = rows.filter((r) => {
          const day = noticeDay(r.notice);
          return (
            (filter.status === 'all' || r.shown === filter.status) &&
            (filter.township === 'all' || (filter.township === 'none' ? r.notice.townshipId === null : r.notice.townshipId === filter.township)) &&
            (!filter.from || day >= filter.from) &&
            (!filter.to || day <= filter.to)
          );
        });
        expect(new Set(shown.map((r) => r.notice.id))).toEqual(new Set(expected.map((r) => r.notice.id)));
        if (key === 'openings') {
          const values = shown.map((r) => r.notice.openings);
          expect(values).toEqual([...values].sort((a, b) => (descending ? b - a : a - b)));
        }
        if (key === 'employer') {
          const collator = createCollator(lang);
          for (let i = 1; i < shown.length; i++) {
            const order = collator.compare(shown[i - 1]!.employer, shown[i]!.employer);
            expect(descending ? order >= 0 : order <= 0).toBe(true);
          }
        }
      }),
    );
  });

  it('finds notices by pinyin initials, by Uyghur, and by township name', () => {
    const notices = build([
      { employer: EMPLOYERS[0]!, title: TITLES[0]!, status: 'published', township: 't1', day: 1, openings: 1 },
      { employer: EMPLOYERS[1]!, title: TITLES[1]!, status: 'published', township: 't2', day: 2, openings: 1 },
    ]);
    const index = buildNoticeSearchIndex(notices, names);
    expect([...index.matching('dhg')]).toEqual(['n0']);
    expect([...index.matching('كەپشەر')]).toEqual(['n0']);
    expect([...index.matching('草湖')]).toEqual(['n1']);
    expect([...index.matching('xfcs')]).toEqual(['n1']);
    expect(index.matching('').size).toBe(2);
  });
});
