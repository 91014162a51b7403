import { DEFAULT_AGE_RANGE, DEFAULT_TIERS, RUBRIC_PRESETS } from './presets';
import type { Contest, ContestKind } from './rows';
import { weightsSum } from './scoring';

/** Why a contest as drafted cannot be saved; each code is `form.errors.<code>` in contests.json. */
export const CONTEST_FORM_PROBLEMS = ['title', 'window', 'age', 'weights', 'criteria', 'judges'] as const;
export type ContestFormProblem = (typeof CONTEST_FORM_PROBLEMS)[number];

export function contestFormProblems(c: Contest): ContestFormProblem[] {
  const out: ContestFormProblem[] = [];
  if (!c.title.zh?.trim() && !c.title.ug?.trim()) out.push('title');
  if (!c.opens || !c.closes || c.closes < c.opens) out.push('window');
  if (!(c.ageMin <= c.ageMax)) out.push('age');
  const criteriaOk = c.criteria.length > 0 && c.criteria.every((k) => (k.name.zh?.trim() || k.name.ug?.trim()) && k.weight > 0 && Number.isInteger(k.max) && k.max >= 1);
  if (!criteriaOk) out.push('criteria');
  else if (Math.abs(weightsSum(c) - 100) > 1e-6) out.push('weights');
  if (c.judges.some((j) => !j.name.trim())) out.push('judges');
  return out;
}

/** A new contest of a kind, with that kind's rubric preset, the usual tiers and the 14–35 age range. */
export function newContestDraft(id: string, kind: ContestKind, today: string, createdAt: string): Contest {
  return {
    id,
    kind,
    title: {},
    theme: {},
    opens: today,
    closes: today,
    ageMin: DEFAULT_AGE_RANGE.min,
    ageMax: DEFAULT_AGE_RANGE.max,
    orgIds: [],
    maxChars: kind === 'essay' ? 1500 : null,
    maxWords: kind === 'essay' ? 800 : null,
    maxPhotos: kind === 'photo' ? 3 : null,
    criteria: RUBRIC_PRESETS[kind].map((c) => ({ ...c, name: { ...c.name } })),
    tiers: DEFAULT_TIERS.map((t) => ({ ...t, name: { ...t.name } })),
    judges: [],
    dropExtremes: true,
    createdAt,
  };
}
