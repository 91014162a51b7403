import { describe, expect, it } from 'vitest';
import type { StatReport } from '../../../../shared/domain/stats';
import { sameReport } from '../../../../renderer/src/features/stats/useStatsData';

/*
 * The entry grid re-renders the rows whose report object is new; the round's live query keeps the
 * old object for a report that did not change. Reusing a changed one would show stale figures.
 */
const base: StatReport = { id: 'r:o', roundId: 'r', orgId: 'o', period: '2026Q4', status: 'draft', members: 4, notes: { members: 'why' } };

describe('a re-read report is the same report only when every field is', () => {
  it('equal fields, notes compared by content: the same', () => {
    expect(sameReport(base, { ...base, notes: { members: 'why' } })).toBe(true);
  });

  it('any figure, sex figure, status, note or added or removed field changed: not the same', () => {
    expect(sameReport(undefined, base)).toBe(false);
    expect(sameReport(base, { ...base, members: 5 })).toBe(false);
    expect(sameReport(base, { ...base, membersFemale: 2 })).toBe(false);
    expect(sameReport({ ...base, membersFemale: 2 }, base)).toBe(false);
    expect(sameReport(base, { ...base, status: 'submitted' })).toBe(false);
    expect(sameReport(base, { ...base, notes: { members: 'because' } })).toBe(false);
    expect(sameReport(base, { ...base, members: null })).toBe(false);
  });
});
