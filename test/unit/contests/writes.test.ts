import { describe, expect, it } from 'vitest';
import { demoContestRows } from '../../../shared/contests/demo';
import { awardOverrideWrites, saveContestWrites, saveEntryWrites, scoreWrites, setEntryDeletedWrites, sheetScoreWrites } from '../../../shared/contests/writes';
import { APP_TABLES } from '../../../shared/app/registry';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { DELETED_FIELD } from '../../../shared/sync/change';
import { storedRowSchema } from '../../../shared/sync/tables';
import type { WriteSpec } from '../../../shared/sync/write';

const { contest, entries, scores } = demoContestRows(generateDemoCounty());
const entry = entries[0]!;
const judge = contest.judges[0]!.id;

/** Each write is a row its table accepts, when laid over the row it edits (if any). */
function accepted(writes: readonly WriteSpec[], over: Record<string, unknown> = {}): void {
  for (const w of writes) {
    const table = APP_TABLES.get(w.table)!;
    expect(storedRowSchema(table).safeParse({ ...over, id: w.row, ...w.fields }).success, `${w.table} ${w.row}`).toBe(true);
  }
}

describe('contest writes, called by name from the pages', () => {
  it('saves a contest and an entry as their tables take them, the entry trimmed', () => {
    accepted(saveContestWrites(contest, 'LT'));
    const writes = saveEntryWrites({ ...entry, entrantName: `  ${entry.entrantName} `, title: ` ${entry.title}  `, phone: ' 13899990000 ' }, 'LT-03');
    accepted(writes);
    expect(writes).toEqual([{ table: 'entry', row: entry.id, fields: expect.objectContaining({ entrantName: entry.entrantName, title: entry.title, phone: '13899990000' }), scope: 'LT-03' }]);
    expect(writes[0]!.fields).not.toHaveProperty('id');
  });

  it('deletes an entry and undoes it by the same field', () => {
    expect(setEntryDeletedWrites(entry, true, 'LT')).toEqual([{ table: 'entry', row: entry.id, fields: { [DELETED_FIELD]: true }, scope: 'LT' }]);
    expect(setEntryDeletedWrites(entry, false, 'LT')[0]!.fields).toEqual({ [DELETED_FIELD]: false });
  });

  it('sets and clears an award override, writing only that field', () => {
    const override = { tierId: contest.tiers[0]!.id, reason: '评审组复议', at: '2026-06-01T08:00:00.000Z' };
    accepted(awardOverrideWrites(entry.id, override, 'LT'), entry);
    expect(awardOverrideWrites(entry.id, null, 'LT')).toEqual([{ table: 'entry', row: entry.id, fields: { awardOverride: null }, scope: 'LT' }]);
  });

  it("writes one judge's points under the entry~judge row id", () => {
    const writes = scoreWrites(contest.id, entry.id, judge, { [contest.criteria[0]!.id]: 7 }, 'LT');
    accepted(writes);
    expect(writes[0]!.row).toBe(`${entry.id}~${judge}`);
  });

  it("a score sheet's points go over the judge's earlier ones; other judges' scores are untouched", () => {
    const earlier = scores.find((s) => s.judgeId === judge)!;
    const [first, second] = contest.criteria;
    const sheet = new Map([[earlier.entryId, { [first!.id]: 1 }]]);
    const writes = sheetScoreWrites(contest.id, judge, sheet, scores, 'LT');
    accepted(writes);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.fields['points']).toEqual({ ...earlier.points, [first!.id]: 1 });
    expect((writes[0]!.fields['points'] as Record<string, number>)[second!.id]).toBe(earlier.points[second!.id]);
    expect(sheetScoreWrites(contest.id, judge, new Map(), scores, 'LT')).toEqual([]);
  });
});
