import type { OrgKind } from '../domain/org';

/**
 * Which kinds of organisation may sit directly under which (DOMAIN.md, and how a county committee
 * is actually organised):
 * - the county committee leads the grassroots committees (township/town/farm and school), the
 *   working committees, general branches, and branches it leads directly (直属团支部, e.g. in
 *   county offices);
 * - a township committee leads its general branches, village branches, league organisations in
 *   new economic and social organisations (两新组织) and community organisations — communities lie
 *   in towns, so a community organisation is never directly under the county;
 * - a school committee leads its general branches (grades) and branches (classes);
 * - a working committee leads branches, general branches and two-new organisations of its sector,
 *   and an education working committee leads school committees;
 * - a general branch leads branches only;
 * - branches, two-new and community organisations are the reporting units and lead nothing.
 * The county is the root and nothing else is.
 */
export const CHILD_KINDS: Readonly<Record<OrgKind, readonly OrgKind[]>> = {
  county: ['township', 'school', 'working', 'generalBranch', 'branch'],
  township: ['generalBranch', 'branch', 'twoNew', 'community'],
  school: ['generalBranch', 'branch'],
  working: ['school', 'generalBranch', 'branch', 'twoNew'],
  generalBranch: ['branch'],
  branch: [],
  twoNew: [],
  community: [],
};

/** Whether `kind` may sit under a parent of `parentKind`; `null` is the root, for the county only. */
export function isKindAllowedUnder(kind: OrgKind, parentKind: OrgKind | null): boolean {
  if (parentKind === null) return kind === 'county';
  return CHILD_KINDS[parentKind].includes(kind);
}

export function canHaveChildren(kind: OrgKind): boolean {
  return CHILD_KINDS[kind].length > 0;
}
