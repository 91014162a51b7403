import fc from 'fast-check';
import type { Org } from '../../../shared/domain/org';
import { PERIOD_KINDS, formatPeriod, periodContains, periodMonths, subPeriods, type PeriodKind } from '../../../shared/domain/period';
import { ALL_FIGURES, ANY_FIGURE_NATURE, REPORT_STATUSES, type AnyFigure, type StatReport } from '../../../shared/domain/stats';

/** Builders and random generators for the statistics tests, and a slow, obviously-right roll-up to compare with. */

export const org = (id: string, parentId: string | null, extra: Partial<Org> = {}): Org => ({
  id,
  code: `LT-${id.toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 4) || 'X'}`,
  name: { zh: id },
  kind: parentId === null ? 'county' : 'branch',
  parentId,
  archived: false,
  ...extra,
});

let nextId = 0;
/** A report; approved unless said otherwise. */
export const report = (orgId: string, period: string, figures: Partial<Record<AnyFigure, number | null>>, extra: Partial<StatReport> = {}): StatReport => ({
  id: `r${(nextId += 1)}`,
  roundId: `round-${period}`,
  orgId,
  period,
  status: 'approved',
  ...figures,
  ...extra,
});

const PER_YEAR: Record<PeriodKind, number> = { year: 1, half: 2, quarter: 4, month: 12 };

export const arbPeriodIn = (years: readonly number[], kinds: readonly PeriodKind[] = PERIOD_KINDS): fc.Arbitrary<string> =>
  fc
    .record({ year: fc.constantFrom(...years), kind: fc.constantFrom(...kinds) })
    .chain(({ year, kind }) => fc.integer({ min: 1, max: PER_YEAR[kind] }).map((index) => formatPeriod({ year, kind, index })));

/** A forest of 1–`max` organisations: each one's parent is an earlier one (or none), so there is no cycle. */
export const arbForest = (max = 14): fc.Arbitrary<Org[]> =>
  fc
    .array(fc.tuple(fc.nat(), fc.boolean(), fc.integer({ min: 0, max: 9 })), { minLength: 0, maxLength: max - 1 })
    .map((links) => {
      const orgs = [org('o0', null)];
      links.forEach(([pick, archived, rootChance], i) => {
        const parent = rootChance === 0 ? null : `o${pick % (i + 1)}`;
        orgs.push(org(`o${i + 1}`, parent, { archived }));
      });
      return orgs;
    });

const arbValue = fc.oneof({ weight: 5, arbitrary: fc.nat({ max: 500 }) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) });
/** Values for every figure, the sex figures included (each may be absent, as in a round without the split). */
export const arbFigures: fc.Arbitrary<Partial<Record<AnyFigure, number | null>>> = fc
  .record(Object.fromEntries(ALL_FIGURES.map((f) => [f, arbValue])) as Record<AnyFigure, fc.Arbitrary<number | null | undefined>>)
  .map((values) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<Record<AnyFigure, number | null>>);

/** Reports of the given organisations in 2024–2025, of every kind and status, duplicates included. */
export const arbReports = (orgIds: readonly string[], options: { kinds?: readonly PeriodKind[]; max?: number } = {}): fc.Arbitrary<StatReport[]> =>
  fc.array(
    fc.record({
      orgId: fc.constantFrom(...orgIds),
      period: arbPeriodIn([2024, 2025], options.kinds),
      status: fc.constantFrom(...REPORT_STATUSES, 'approved', 'approved'),
      figures: arbFigures,
      submittedAt: fc.option(fc.constantFrom('2026-01-10T02:00:00.000Z', '2026-01-15T02:00:00.000Z'), { nil: undefined }),
      n: fc.nat({ max: 999 }),
    }),
    { maxLength: options.max ?? 40 },
  ).map((rows) =>
    rows.map((r, i): StatReport => {
      const out: StatReport = { id: `r${String(r.n).padStart(3, '0')}-${i}`, roundId: 'x', orgId: r.orgId, period: r.period, status: r.status, ...r.figures };
      if (r.submittedAt !== undefined) out.submittedAt = r.submittedAt;
      return out;
    }),
  );

/** Ancestors-or-self of an organisation (the forest must have no cycle). */
export function chainOf(orgs: readonly Org[], id: string): string[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const out: string[] = [];
  let current: string | null = id;
  while (current !== null && byId.has(current)) {
    out.push(current);
    current = byId.get(current)!.parentId;
  }
  return out;
}

const statusRank = (s: StatReport['status']): number => (s === 'approved' ? 2 : s === 'submitted' ? 1 : 0);
const preferred = (a: StatReport, b: StatReport): number =>
  statusRank(b.status) - statusRank(a.status) ||
  ((a.submittedAt ?? '') === (b.submittedAt ?? '') ? 0 : (a.submittedAt ?? '') > (b.submittedAt ?? '') ? -1 : 1) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One organisation's own value of a figure, the slow way: a stock is the value of the report ending
 * last (the longer period at the same end); a flow is, top-down, the period's own report if there is
 * one, else the sum over its sub-periods.
 */
export function naiveOwn(reports: readonly StatReport[], period: string, figure: AnyFigure): number | undefined {
  const within = reports.filter((r) => periodContains(period, r.period) && typeof r[figure] === 'number').sort(preferred);
  if (within.length === 0) return undefined;
  if (ANY_FIGURE_NATURE[figure] === 'stock') {
    const best = [...within].sort((a, b) => {
      const [sa, sb] = [periodMonths(a.period), periodMonths(b.period)];
      return sb.last - sa.last || sa.first - sb.first || preferred(a, b);
    })[0]!;
    return best[figure] as number;
  }
  const flow = (p: string): number | undefined => {
    const exact = within.find((r) => r.period === p);
    if (exact) return exact[figure] as number;
    let sum: number | undefined;
    for (const sub of subPeriods(p)) {
      const v = flow(sub);
      if (v !== undefined) sum = (sum ?? 0) + v;
    }
    return sum;
  };
  return flow(period);
}

export interface NaiveResult {
  figures: Record<AnyFigure, number>;
  reportingPerFigure: Record<AnyFigure, number>;
  reporting: number;
}

/** The roll-up of every organisation, the slow way: every organisation's own values added to each of its ancestors. */
export function naiveRollUpAll(orgs: readonly Org[], reports: readonly StatReport[], period: string, includeSubmitted = false): Map<string, NaiveResult> {
  const counted = reports.filter((r) => r.status === 'approved' || (includeSubmitted && r.status === 'submitted'));
  const out = new Map<string, NaiveResult>();
  const zero = () => Object.fromEntries(ALL_FIGURES.map((f) => [f, 0])) as Record<AnyFigure, number>;
  for (const o of orgs) out.set(o.id, { figures: zero(), reportingPerFigure: zero(), reporting: 0 });
  for (const o of orgs) {
    const own = counted.filter((r) => r.orgId === o.id);
    const chain = chainOf(orgs, o.id);
    if (own.some((r) => periodContains(period, r.period))) for (const a of chain) out.get(a)!.reporting += 1;
    for (const figure of ALL_FIGURES) {
      const v = naiveOwn(own, period, figure);
      if (v === undefined) continue;
      for (const a of chain) {
        out.get(a)!.figures[figure] += v;
        out.get(a)!.reportingPerFigure[figure] += 1;
      }
    }
  }
  return out;
}

/** The organisations in the subtree of `rootId`, itself included. */
export function subtreeIds(orgs: readonly Org[], rootId: string): Set<string> {
  return new Set(orgs.filter((o) => chainOf(orgs, o.id).includes(rootId)).map((o) => o.id));
}
