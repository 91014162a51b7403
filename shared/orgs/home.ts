import type { Org } from '../domain/org';

/**
 * The county this PC keeps: the root of its organisation tree. One rule for every screen, export
 * and command: a live (not deleted) organisation of kind `county` without a parent; if a merge ever
 * left two, the one with the smallest code, so every PC picks the same one.
 *
 * `orgs` are live rows (deleted ones already left out). Which county a PC belongs to will be its
 * enrolment's, not data's (issue 14); until then this is the rule.
 */
export function homeCounty<T extends Pick<Org, 'kind' | 'parentId' | 'code'>>(orgs: readonly T[]): T | undefined {
  let home: T | undefined;
  for (const org of orgs) {
    if (org.kind !== 'county' || org.parentId !== null) continue;
    if (home === undefined || org.code < home.code) home = org;
  }
  return home;
}
