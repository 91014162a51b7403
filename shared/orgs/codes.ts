import type { Org } from '../domain/org';
import { COUNTY_CODE_PATTERN, isWithinScope, ORG_CODE_PATTERN } from '../sync/scope';

/*
 * Organisation codes are paths: the county's letters, then one segment per level
 * (`LT`, `LT-03`, `LT-03-012`). A code is unique, and an organisation's code is always its
 * parent's code plus one segment, so a code alone says where an organisation sits, and the sync
 * scope of a township's data is simply its code.
 */

/** The same shape `orgSchema` requires. */
const CODE = ORG_CODE_PATTERN;
const ROOT_CODE = COUNTY_CODE_PATTERN;
const NUMERIC = /^[0-9]+$/;
const MAX_SEGMENT = 9999;

export const isWellFormedCode = (code: string): boolean => CODE.test(code);
export const isRootCode = (code: string): boolean => ROOT_CODE.test(code);

/** The code one level up, or null for a root code. */
export function parentCodeOf(code: string): string | null {
  const cut = code.lastIndexOf('-');
  return cut < 0 ? null : code.slice(0, cut);
}

/** Whether `code` is exactly one segment below `parentCode`. */
export function isDirectChildCode(code: string, parentCode: string): boolean {
  return isWellFormedCode(code) && parentCodeOf(code) === parentCode;
}

/** `code`, which lies within `from`, moved to lie within `to` at the same place. */
export function rebaseCode(code: string, from: string, to: string): string {
  if (!isWithinScope(code, from)) throw new Error(`${code} is not within ${from}`);
  return to + code.slice(from.length);
}

/** The deepest code both lie within (`LT-01-005`, `LT-02` → `LT`), or null across counties. */
export function commonScope(a: string, b: string): string | null {
  const x = a.split('-');
  const y = b.split('-');
  let shared = 0;
  while (shared < x.length && shared < y.length && x[shared] === y[shared]) shared++;
  return shared === 0 ? null : x.slice(0, shared).join('-');
}

/**
 * The code for a new child of `parent`: one more than the highest numbered segment in use under
 * it, zero-padded like its siblings (two digits under the county, three below, as the demo county
 * and the county's paper registers number them). When numbers run out at 9999 the lowest free
 * number is used; null when every one is taken.
 *
 * `orgs` may be just the siblings, but passing every organisation is safer: any code lying under
 * the parent's code counts as taken, whatever its parentId says, so the new code can never clash
 * with a code a bad merge left in the wrong place.
 */
export function nextChildCode(parent: Pick<Org, 'code' | 'kind'>, orgs: readonly Pick<Org, 'code'>[]): string | null {
  const taken = new Set<string>();
  const numbers = new Set<number>();
  let width = parent.kind === 'county' ? 2 : 3;
  let highest = 0;
  for (const { code } of orgs) {
    if (code === parent.code || !isWithinScope(code, parent.code)) continue;
    const segment = code.slice(parent.code.length + 1).split('-')[0] ?? '';
    taken.add(segment);
    if (!NUMERIC.test(segment)) continue;
    const n = Number(segment);
    numbers.add(n);
    highest = Math.max(highest, n);
    width = Math.max(width, segment.length);
  }
  const segmentFor = (n: number) => String(n).padStart(Math.max(width, String(n).length), '0');
  const free = (n: number) => !numbers.has(n) && !taken.has(segmentFor(n));
  if (highest < MAX_SEGMENT && segmentFor(highest + 1).length <= 4) return `${parent.code}-${segmentFor(highest + 1)}`;
  for (let n = 1; n <= MAX_SEGMENT; n++) if (segmentFor(n).length <= 4 && free(n)) return `${parent.code}-${segmentFor(n)}`;
  return null;
}
