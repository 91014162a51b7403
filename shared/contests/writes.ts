import { DELETED_FIELD } from '../sync/change';
import type { WriteSpec } from '../sync/write';
import { scoreRowId, type AwardOverride, type Contest, type Entry, type Score } from './rows';
import { CONTEST_TABLE, ENTRY_TABLE, SCORE_TABLE } from './tables';

/*
 * The writes behind every contest action, as WriteSpecs for the repository (as shared/jobs/writes.ts
 * and shared/stats/writes.ts): the pages call these by name and never build a write themselves.
 * Forms check their drafts before (form.ts, eligibility.ts); the row schemas check again on write.
 */

/** Creates or edits a contest: every field of the form, as the form left them. */
export function saveContestWrites({ id, ...fields }: Contest, scope: string): WriteSpec[] {
  return [{ table: CONTEST_TABLE.name, row: id, fields, scope }];
}

/** Creates or edits an entry; names, title and phone are saved trimmed. */
export function saveEntryWrites({ id, ...rest }: Entry, scope: string): WriteSpec[] {
  const fields: Omit<Entry, 'id'> = { ...rest, entrantName: rest.entrantName.trim(), title: rest.title.trim(), phone: rest.phone?.trim() ?? '' };
  return [{ table: ENTRY_TABLE.name, row: id, fields, scope }];
}

/** Deletes an entry (`deleted` true) or undoes its deletion: deletion is a field, so it merges. */
export function setEntryDeletedWrites(entry: Entry, deleted: boolean, scope: string): WriteSpec[] {
  return [{ table: ENTRY_TABLE.name, row: entry.id, fields: { [DELETED_FIELD]: deleted }, scope }];
}

/** Sets or clears (`null`) the county's award override of an entry, with its reason. */
export function awardOverrideWrites(entryId: string, awardOverride: AwardOverride | null, scope: string): WriteSpec[] {
  return [{ table: ENTRY_TABLE.name, row: entryId, fields: { awardOverride }, scope }];
}

/** One judge's points for one entry, replacing what that judge gave it before. */
export function scoreWrites(contestId: string, entryId: string, judgeId: string, points: Readonly<Record<string, number>>, scope: string): WriteSpec[] {
  return [{ table: SCORE_TABLE.name, row: scoreRowId(entryId, judgeId), fields: { contestId, entryId, judgeId, points: { ...points } }, scope }];
}

/**
 * A judge's score sheet read back (scoreSheet.ts): per entry, the sheet's points over what the judge
 * gave before, so a criterion left empty on the sheet keeps its earlier points.
 */
export function sheetScoreWrites(
  contestId: string,
  judgeId: string,
  sheet: ReadonlyMap<string, Readonly<Record<string, number>>>,
  scores: readonly Score[],
  scope: string,
): WriteSpec[] {
  const mine = new Map(scores.filter((s) => s.judgeId === judgeId).map((s) => [s.entryId, s]));
  return [...sheet].flatMap(([entryId, points]) => scoreWrites(contestId, entryId, judgeId, { ...(mine.get(entryId)?.points ?? {}), ...points }, scope));
}
