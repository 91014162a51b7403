import { essayLength } from './length';
import { hammingDistance } from './dhash';
import type { Contest, Entry } from './rows';

/*
 * Eligibility checks with reason codes; the UI maps each code to a message in contests.json
 * (`problems.<code>`) filled from `detail`. Errors leave an entry out of the ranking; warnings
 * (a near-duplicate photo) are for a person to decide — the entry stays in until someone
 * withdraws it.
 */

export const ENTRY_PROBLEM_CODES = [
  'outside-window',
  'too-young',
  'too-old',
  'org-not-eligible',
  'too-long',
  'no-text',
  'no-photos',
  'too-many-photos',
  'duplicate-photo',
  'near-duplicate-photo',
  'duplicate-code',
] as const;
export type EntryProblemCode = (typeof ENTRY_PROBLEM_CODES)[number];

export interface EntryProblem {
  code: EntryProblemCode;
  severity: 'error' | 'warning';
  detail: Record<string, string | number>;
}

/** Two photos whose 64-bit difference hashes differ in at most this many bits look the same. */
export const NEAR_DUPLICATE_BITS = 10;

/** How entries of one entrant are recognised across entries: the name, and the phone when given. */
export function entrantKey(entry: Pick<Entry, 'entrantName' | 'phone'>): string {
  return `${entry.entrantName.trim()}|${(entry.phone ?? '').replace(/\D/g, '')}`;
}

/** Every problem of every entry of one contest, by entry id (entries without problems are absent). */
export function checkEntries(contest: Contest, entries: readonly Entry[]): Map<string, EntryProblem[]> {
  const out = new Map<string, EntryProblem[]>();
  const add = (entry: Entry, problem: EntryProblem) => {
    const list = out.get(entry.id) ?? [];
    list.push(problem);
    out.set(entry.id, list);
  };
  // Earlier entries keep their photos; a later copy is the duplicate. Ties by code, then id, so every PC agrees.
  const ordered = [...entries].sort((a, b) => cmp(a.submittedOn, b.submittedOn) || cmp(a.code, b.code) || cmp(a.id, b.id));
  const firstHolder = new Map<string, Entry>();
  const photosByEntrant = new Map<string, number>();
  const codes = new Map<string, number>();
  for (const e of entries) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
  const seen: { entry: Entry; dhash: string }[] = [];

  for (const entry of ordered) {
    for (const problem of checkEntryAlone(contest, entry)) add(entry, problem);
    if ((codes.get(entry.code) ?? 0) > 1) add(entry, { code: 'duplicate-code', severity: 'error', detail: { code: entry.code } });
    if (contest.kind !== 'photo') continue;
    const photos = entry.photos ?? [];
    const key = entrantKey(entry);
    const total = (photosByEntrant.get(key) ?? 0) + photos.length;
    photosByEntrant.set(key, total);
    if (contest.maxPhotos && total > contest.maxPhotos) {
      add(entry, { code: 'too-many-photos', severity: 'error', detail: { count: total, limit: contest.maxPhotos } });
    }
    for (const photo of photos) {
      const holder = firstHolder.get(photo.original);
      if (holder && holder.id !== entry.id) {
        add(entry, { code: 'duplicate-photo', severity: 'error', detail: { name: photo.name, other: holder.code } });
        continue;
      }
      firstHolder.set(photo.original, entry);
      const near = seen.find((s) => s.entry.id !== entry.id && hammingDistance(s.dhash, photo.dhash) <= NEAR_DUPLICATE_BITS);
      if (near) add(entry, { code: 'near-duplicate-photo', severity: 'warning', detail: { name: photo.name, other: near.entry.code } });
      seen.push({ entry, dhash: photo.dhash });
    }
  }
  return out;
}

/** The checks that need only the entry and its contest. */
export function checkEntryAlone(contest: Contest, entry: Entry): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (entry.submittedOn < contest.opens || entry.submittedOn > contest.closes) {
    problems.push({ code: 'outside-window', severity: 'error', detail: { date: entry.submittedOn, opens: contest.opens, closes: contest.closes } });
  }
  if (entry.age < contest.ageMin) problems.push({ code: 'too-young', severity: 'error', detail: { age: entry.age, limit: contest.ageMin } });
  if (entry.age > contest.ageMax) problems.push({ code: 'too-old', severity: 'error', detail: { age: entry.age, limit: contest.ageMax } });
  if (contest.orgIds.length > 0 && (entry.orgId === null || !contest.orgIds.includes(entry.orgId))) {
    problems.push({ code: 'org-not-eligible', severity: 'error', detail: {} });
  }
  if (contest.kind === 'essay') {
    const text = entry.text ?? '';
    if (!text.trim()) problems.push({ code: 'no-text', severity: 'error', detail: {} });
    else {
      const { language, count } = essayLength(text);
      const limit = language === 'zh' ? contest.maxChars : contest.maxWords;
      if (limit && count > limit) {
        problems.push({ code: 'too-long', severity: 'error', detail: { count, limit, unit: language === 'zh' ? 'chars' : 'words' } });
      }
    }
  }
  if (contest.kind === 'photo' && (entry.photos ?? []).length === 0) problems.push({ code: 'no-photos', severity: 'error', detail: {} });
  return problems;
}

export function hasError(problems: readonly EntryProblem[] | undefined): boolean {
  return (problems ?? []).some((p) => p.severity === 'error');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
