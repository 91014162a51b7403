import { DEFAULT_TIERS, RUBRIC_PRESETS } from '../../../shared/contests/presets';
import { scoreRowId, type Contest, type Entry, type Score } from '../../../shared/contests/rows';

export function contest(overrides: Partial<Contest> = {}): Contest {
  return {
    id: 'c1',
    kind: 'essay',
    title: { zh: '微征文', ug: 'ماقالە' },
    theme: { zh: '青春' },
    opens: '2026-05-01',
    closes: '2026-06-30',
    ageMin: 14,
    ageMax: 35,
    orgIds: [],
    maxChars: 100,
    maxWords: 20,
    maxPhotos: 3,
    criteria: RUBRIC_PRESETS.essay,
    tiers: DEFAULT_TIERS,
    judges: [1, 2, 3, 4, 5].map((n) => ({ id: `j${n}`, name: `评委${n}` })),
    dropExtremes: true,
    createdAt: '2026-04-01T00:00:00.000Z',
    ...overrides,
  };
}

export function entry(n: number, overrides: Partial<Entry> = {}): Entry {
  return {
    id: `e${n}`,
    contestId: 'c1',
    code: `E-${String(n).padStart(3, '0')}`,
    entrantName: `作者${n}`,
    sex: 'f',
    age: 20,
    orgId: null,
    title: `作品${n}`,
    submittedOn: '2026-05-10',
    text: '青春与时代同行。',
    ...overrides,
  };
}

/** A score row with the same points on every criterion of the essay preset. */
export function score(entryId: string, judgeId: string, points: number | Record<string, number>): Score {
  const all = typeof points === 'number' ? Object.fromEntries(RUBRIC_PRESETS.essay.map((c) => [c.id, points])) : points;
  return { id: scoreRowId(entryId, judgeId), contestId: 'c1', entryId, judgeId, points: all };
}
