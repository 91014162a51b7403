import { ORG_KINDS, SCHOOL_LEVELS, type Org, type OrgKind, type SchoolLevel } from '../domain/org';
import type { Target, TargetScope } from '../domain/stats';

/**
 * Control ratios (DOMAIN.md): the highest league–youth ratio the county allows an organisation. The
 * county sets them per organisation kind, per school level and per organisation (synced table
 * `target`); the 2023 guidance gives the school levels their defaults. Policy changes, so every
 * default can be overridden by a row.
 */

/** 2023 guidance: members ≤ 15% in junior high, ≤ 30% in general senior high, ≤ 20% in vocational schools. */
export const CONTROL_RATIO_DEFAULTS_2023: Readonly<Record<SchoolLevel, number>> = {
  juniorHigh: 0.15,
  seniorHigh: 0.3,
  vocational: 0.2,
};

/** The id of the one row that sets a target for a subject, the same on every PC (so edits merge). */
export function targetRowId(appliesTo: TargetScope, subject: string): string {
  return `target:${appliesTo}:${subject}`;
}

/** Target rows by what they apply to; build once with `indexTargets` when resolving many organisations. */
export interface TargetIndex {
  readonly byOrg: ReadonlyMap<string, number | null>;
  readonly byLevel: ReadonlyMap<SchoolLevel, number | null>;
  readonly byKind: ReadonlyMap<OrgKind, number | null>;
}

const isKind = (s: string): s is OrgKind => (ORG_KINDS as readonly string[]).includes(s);
const isLevel = (s: string): s is SchoolLevel => (SCHOOL_LEVELS as readonly string[]).includes(s);

/** Of two rows for one subject (two PCs that made rows under different ids), the stricter wins; a number beats none. */
function stricter(a: number | null | undefined, b: number | null): number | null {
  if (a === undefined) return b;
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Indexes target rows. Rows whose subject is not a known kind or level are ignored (e.g. from a newer app). */
export function indexTargets(targets: readonly Target[]): TargetIndex {
  const byOrg = new Map<string, number | null>();
  const byLevel = new Map<SchoolLevel, number | null>();
  const byKind = new Map<OrgKind, number | null>();
  for (const t of targets) {
    if (t.appliesTo === 'org') byOrg.set(t.subject, stricter(byOrg.get(t.subject), t.maxRatio));
    else if (t.appliesTo === 'schoolLevel' && isLevel(t.subject)) byLevel.set(t.subject, stricter(byLevel.get(t.subject), t.maxRatio));
    else if (t.appliesTo === 'kind' && isKind(t.subject)) byKind.set(t.subject, stricter(byKind.get(t.subject), t.maxRatio));
  }
  return { byOrg, byLevel, byKind };
}

/** Where a resolved target came from, so the UI can say "30% (senior high, 2023 guidance)". */
export type TargetSource =
  /** A row for an organisation: this one, or (`inherited`) the nearest ancestor with one. */
  | { from: 'org'; orgId: string; inherited: boolean }
  /** The school level of this organisation or (`inherited`) of an ancestor: a row, or (`configured: false`) the 2023 default. */
  | { from: 'schoolLevel'; level: SchoolLevel; orgId: string; inherited: boolean; configured: boolean }
  /** A row for the organisation's kind. */
  | { from: 'kind'; kind: OrgKind }
  | { from: 'none' };

export interface ResolvedTarget {
  /** Highest allowed ratio as a fraction; null = no target. */
  ratio: number | null;
  source: TargetSource;
}

/** An organisation's own target: its row, else its school level's row or 2023 default. */
function ownTarget(org: Org, index: TargetIndex, inherited: boolean): ResolvedTarget | null {
  if (index.byOrg.has(org.id)) {
    return { ratio: index.byOrg.get(org.id) ?? null, source: { from: 'org', orgId: org.id, inherited } };
  }
  const level = org.schoolLevel;
  if (level !== undefined) {
    const configured = index.byLevel.has(level);
    const ratio = configured ? (index.byLevel.get(level) ?? null) : CONTROL_RATIO_DEFAULTS_2023[level];
    return { ratio, source: { from: 'schoolLevel', level, orgId: org.id, inherited, configured } };
  }
  return null;
}

/**
 * The control ratio for an organisation and where it comes from. Precedence, first match wins:
 * 1. a row for this organisation (a row with no ratio means "no target here", overriding the rest);
 * 2. its school level: the level's row, else the 2023 default;
 * 3. a row for its kind;
 * 4. (only with `orgsById`) the nearest ancestor's own row or school level, so a class branch
 *    (kind `branch`) is held to its school's ratio; ancestors' kind rows do not reach down;
 * 5. none.
 * The organisation's own kind comes before its ancestors so that a target the county sets for
 * itself does not override the kind targets of everything under it.
 */
export function resolveTarget(
  org: Org,
  targets: readonly Target[] | TargetIndex,
  orgsById?: ReadonlyMap<string, Org>,
): ResolvedTarget {
  const index = Array.isArray(targets) ? indexTargets(targets) : (targets as TargetIndex);
  const own = ownTarget(org, index, false);
  if (own) return own;
  if (index.byKind.has(org.kind)) return { ratio: index.byKind.get(org.kind) ?? null, source: { from: 'kind', kind: org.kind } };
  if (orgsById) {
    const seen = new Set<string>([org.id]);
    let parentId = org.parentId;
    while (parentId !== null && !seen.has(parentId)) {
      seen.add(parentId); // a cycle from a bad merge must not loop forever
      const ancestor = orgsById.get(parentId);
      if (!ancestor) break;
      const inherited = ownTarget(ancestor, index, true);
      if (inherited) return inherited;
      parentId = ancestor.parentId;
    }
  }
  return { ratio: null, source: { from: 'none' } };
}

/** The control ratio for an organisation as a fraction, or null for none. Precedence: `resolveTarget`. */
export function targetRatioFor(
  org: Org,
  targets: readonly Target[] | TargetIndex,
  orgsById?: ReadonlyMap<string, Org>,
): number | null {
  return resolveTarget(org, targets, orgsById).ratio;
}

/**
 * Whether members ÷ youth aged 14–28 is above the target: the excess the county must see. False with
 * no target or no youth. Exact: compared as members × 10^6 > target in parts per million × youth, in
 * integers, so a ratio of exactly the target (30 of 100 against 30%) is not above it.
 */
export function exceedsTarget(members: number, youth1428: number, target: number | null): boolean {
  if (target === null || !(youth1428 > 0)) return false;
  return members * 1_000_000 > Math.round(target * 1_000_000) * youth1428;
}
