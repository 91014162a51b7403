import type { Org, OrgKind } from '../../../shared/domain/org';

export function makeOrg(id: string, code: string, kind: OrgKind, parentId: string | null, zh = id, extra: Partial<Org> = {}): Org {
  return { id, code, kind, parentId, name: { zh }, archived: false, ...extra };
}

/**
 * A small county:
 * LT 县委 ─ LT-01 轮台镇团委 ─ LT-01-001 总支 ─ LT-01-001-001 支部
 *        │                  └ LT-01-002 支部
 *        ├ LT-02 轮南镇团委 ─ LT-02-001 社区
 *        └ LT-03 一中团委 (school)
 */
export function smallCounty(): Org[] {
  return [
    makeOrg('county', 'LT', 'county', null, '共青团轮台县委员会'),
    makeOrg('luntai', 'LT-01', 'township', 'county', '轮台镇团委'),
    makeOrg('gb', 'LT-01-001', 'generalBranch', 'luntai', '轮台镇中心团总支'),
    makeOrg('gb-b1', 'LT-01-001-001', 'branch', 'gb', '中心第1团支部'),
    makeOrg('b2', 'LT-01-002', 'branch', 'luntai', '轮台镇第2团支部'),
    makeOrg('lunnan', 'LT-02', 'township', 'county', '轮南镇团委'),
    makeOrg('community', 'LT-02-001', 'community', 'lunnan', '轮南镇第1社区团支部'),
    makeOrg('school', 'LT-03', 'school', 'county', '轮台县第一中学团委', { schoolLevel: 'seniorHigh' }),
  ];
}

/** Applies writes to a list of organisations the way the store would: field by field. */
export function applyWrites(orgs: readonly Org[], writes: readonly { row: string; fields: Record<string, unknown> }[]): Org[] {
  const byId = new Map(orgs.map((o) => [o.id, { ...o }]));
  for (const write of writes) byId.set(write.row, { ...(byId.get(write.row) ?? ({ id: write.row } as Org)), ...(write.fields as Partial<Org>) });
  return [...byId.values()];
}
