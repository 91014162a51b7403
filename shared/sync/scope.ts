import { z } from 'zod';

/**
 * Scopes are organisation code paths: `LT` (the county), `LT-03` (a township), `LT-03-012` (a
 * branch in it). A scope lies within another when it is the same code or a descendant of it.
 *
 * The test is on whole path segments, not on text prefixes: `LT-1` is not within `LT-10`, and
 * `LT-10` is not within `LT-1`, although one string starts with the other.
 */
export function isWithinScope(scope: string, parent: string): boolean {
  return scope === parent || scope.startsWith(`${parent}-`);
}

/** An organisation code, which is a scope: `LT`, `LT-03`, `LT-03-012` (hierarchical, unique). */
/** An organisation's code ("LT", "LT-03", "LT-03-001"): the county's two to four letters, then a segment per level. */
export const ORG_CODE_PATTERN = /^[A-Z]{2,4}(-[0-9A-Z]{1,4})*$/;
/** A county's own code: the first segment alone. */
export const COUNTY_CODE_PATTERN = /^[A-Z]{2,4}$/;
export const orgCodeSchema = z.string().regex(ORG_CODE_PATTERN);
