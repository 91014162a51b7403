import type { AuthorityRecord } from './authorityRecords';
import { carriedMaterial, carriedRecordProblem } from './carried';
import { decideAll, type Decision } from './decide';
import { mergeMaterial, prepareMaterial, type Checked, type PreparedMaterial } from './material';
import type { RuleRegistry } from './rules';
import { summarizeDecisions, type WriterTrust } from './summary';

/*
 * Deciding what a set of files carries, with nothing held before them: the command line's
 * `bundle verify` and `report`. The same steps as the app's import (renderer/src/store/importTrust.ts):
 * the carried records this build reads, every signature checked (prepareMaterial), every change
 * decided in stamp order (decideAll) and counted per writing PC (summarizeDecisions). Without a
 * home authority nothing is decided: every change counts as unverified.
 */

export interface CarriedDecisions {
  material: PreparedMaterial;
  /** By change hash; undefined without a home authority. */
  decisions: ReadonlyMap<string, Decision> | undefined;
  summary: WriterTrust[];
}

/**
 * `changes` are the ones asked about (counted in the summary); `held`, what a PC would already hold
 * (another file's changes and records, e.g. the county's full export): decided with them, since a
 * township's changes are placed by the organisations the county wrote, but not counted.
 */
export async function decideCarried(
  home: Checked<AuthorityRecord> | undefined,
  records: readonly object[],
  changes: readonly unknown[],
  rules: RuleRegistry,
  held: { records: readonly object[]; changes: readonly unknown[] } = { records: [], changes: [] },
): Promise<CarriedDecisions> {
  const readable = (list: readonly object[]) => carriedMaterial(list.filter((r) => carriedRecordProblem(r as Record<string, unknown>) === null));
  const [asked, context] = await Promise.all([prepareMaterial({ ...readable(records), changes }), prepareMaterial({ ...readable(held.records), changes: held.changes })]);
  const material = mergeMaterial(asked, context);
  const decisions = home === undefined ? undefined : decideAll(home, material, rules);
  return { material, decisions, summary: summarizeDecisions(asked.changes, decisions) };
}

/** Whether a change (by hash) was authorized. */
export function isAuthorized(decided: CarriedDecisions, hash: string): boolean {
  return decided.decisions?.get(hash)?.status === 'accepted';
}
