import { ALL_FIGURES } from '../domain/stats';
import { valuesEqual } from '../sync/canonical';
import type { Change } from '../sync/change';
import type { Certificate } from './certificate';
import type { Placement, RowFacts, RuleRefusal, TableRule } from './rules';

/*
 * The authorization rules of today's tables, as the data the rule registry takes (rules.ts). When
 * features register themselves (issue 13), each takes its entries from here into its own folder.
 *
 * | table                         | who writes                                                          |
 * | ----------------------------- | ------------------------------------------------------------------- |
 * | org, round, target            | the county administrator                                            |
 * | statReport                    | county; a township officer: figures, notes, draft/submitted for its |
 * |                               | organisations, never approved/returned, nothing once approved       |
 * | notice, placement             | county; a township officer granted `jobs`, for its township         |
 * | contest, entry                | the county administrator                                            |
 * | score                         | county; a judge, only as the contest and judge ids it is assigned   |
 * | device (a PC's name)          | each PC, its own row only                                           |
 *
 * The county's own organisation (the root of the tree) is fixed: its code, parent, kind, and
 * whether it is deleted or archived cannot change, and no other organisation may become a root.
 * Which county is home is its authority's, never a row's (chain.ts).
 */

const refuse = (reason: RuleRefusal['reason'], field?: string): RuleRefusal => (field === undefined ? { reason } : { reason, field });

/** The value a change leaves a field at: its own if it writes it, else the row's. */
function after(change: Change, facts: RowFacts, field: string): unknown {
  return Object.hasOwn(change.fields, field) ? change.fields[field] : facts.before?.[field];
}

/** Rows of county-wide tables belong to the county. */
const atCounty = (_change: Change, facts: RowFacts): Placement => ({ ok: true, codes: [facts.county] });
const nowhere = (): Placement => ({ ok: true, codes: [] });

/** Which roles may write a table at all. */
const roles =
  (...allowed: Certificate['role'][]) =>
  (author: Certificate): RuleRefusal | undefined =>
    allowed.includes(author.role) ? undefined : refuse('role-not-allowed');
const nothingMore = (): undefined => undefined;

const countyTable: TableRule = { may: roles('countyAdmin'), place: atCounty, allow: nothingMore };

/**
 * The codes of the organisations a row is tied to through `field` (an organisation id), before and
 * after the change; `null` stands for the county itself (a county-wide notice).
 */
function codesThrough(change: Change, facts: RowFacts, field: string): Placement {
  const ids = new Set<unknown>([facts.before?.[field], change.fields[field]].filter((id) => id !== undefined));
  if (ids.size === 0) return { ok: false, reason: 'row-org-unknown' };
  const codes: string[] = [];
  for (const id of ids) {
    if (id === null) {
      codes.push(facts.county);
      continue;
    }
    const code = typeof id === 'string' ? facts.row('org', id)?.code : undefined;
    if (typeof code !== 'string') return { ok: false, reason: 'row-org-unknown' };
    codes.push(code);
  }
  return { ok: true, codes };
}

const ORG_ROOT_FIELDS = ['code', 'parentId', 'kind', 'archived', '_deleted'];

const org: TableRule = {
  may: roles('countyAdmin'),
  place(change, facts) {
    const codes = [...new Set([facts.before?.code, change.fields.code].filter((code): code is string => typeof code === 'string'))];
    return codes.length > 0 ? { ok: true, codes } : { ok: false, reason: 'row-org-unknown' };
  },
  allow(change, _author, facts) {
    const isRoot = facts.before !== undefined && facts.before.parentId === null;
    if (isRoot) {
      for (const field of ORG_ROOT_FIELDS) {
        if (Object.hasOwn(change.fields, field) && !valuesEqual(change.fields[field], facts.before![field])) return refuse('county-root-fixed', field);
      }
      return undefined;
    }
    // A new root is only the county's own organisation, written once at setup.
    if (after(change, facts, 'parentId') === null) {
      if (facts.before !== undefined || change.fields.code !== facts.county || change.fields.kind !== 'county') return refuse('second-root', 'parentId');
    } else if (after(change, facts, 'kind') === 'county') {
      return refuse('second-root', 'kind');
    }
    return undefined;
  },
};

const REPORT_IDENTITY = new Set(['roundId', 'orgId', 'period']);
const TOWNSHIP_REPORT_FIELDS = new Set<string>([...ALL_FIGURES, 'notes', 'submittedAt', 'firstSubmittedAt']);
const TOWNSHIP_STATUSES = new Set<unknown>(['draft', 'submitted']);

const statReport: TableRule = {
  may: roles('countyAdmin', 'townshipOfficer'),
  place: (change, facts) => codesThrough(change, facts, 'orgId'),
  allow(change, author, facts) {
    if (author.role === 'countyAdmin') return undefined;
    // Approval locks the report: only the county reopens it.
    if (facts.before?.status === 'approved') return refuse('report-locked');
    for (const [field, value] of Object.entries(change.fields)) {
      if (REPORT_IDENTITY.has(field)) {
        if (facts.before !== undefined && !valuesEqual(facts.before[field], value)) return refuse('field-not-allowed', field);
      } else if (field === 'status') {
        if (!TOWNSHIP_STATUSES.has(value)) return refuse('status-not-allowed', field);
      } else if (!TOWNSHIP_REPORT_FIELDS.has(field)) {
        return refuse('field-not-allowed', field);
      }
    }
    return undefined;
  },
};

function jobsTable(): TableRule {
  return {
    may: (author) => (author.role === 'countyAdmin' || (author.role === 'townshipOfficer' && author.grants.includes('jobs')) ? undefined : refuse('role-not-allowed')),
    place: (change, facts) => codesThrough(change, facts, 'townshipId'),
    allow: nothingMore,
  };
}

const score: TableRule = {
  may: roles('countyAdmin', 'judge'),
  // A score belongs to its contest and judge, not to an organisation: the judge's assignments decide.
  place: nowhere,
  allow(change, author, facts) {
    if (author.role === 'countyAdmin') return undefined;
    const assigned = (contest: unknown, judge: unknown) => (author.judging ?? []).some((a) => a.contest === contest && a.judge === judge);
    const before = facts.before;
    if (before !== undefined && !assigned(before.contestId, before.judgeId)) return refuse('not-own-score');
    return assigned(after(change, facts, 'contestId'), after(change, facts, 'judgeId')) ? undefined : refuse('not-own-score');
  },
};

/** The synced table of PC names (row id = device id), each PC naming itself. */
const device: TableRule = {
  may: roles('countyAdmin', 'townshipOfficer', 'judge', 'viewer'),
  place: nowhere,
  allow: (change) => (change.row === change.device ? undefined : refuse('not-own-device-row')),
};

export const TODAY_TABLE_RULES: Readonly<Record<string, TableRule>> = {
  org,
  round: countyTable,
  target: countyTable,
  statReport,
  notice: jobsTable(),
  placement: jobsTable(),
  contest: countyTable,
  entry: countyTable,
  score,
  device,
};
