import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { checkEntries, type EntryProblem } from '../../../../shared/contests/eligibility';
import type { Contest, Entry, Score } from '../../../../shared/contests/rows';
import { rankContest, type Ranking } from '../../../../shared/contests/scoring';
import type { Org } from '../../../../shared/domain/org';
import { useStore } from '../../app/context';
import { blobTable, type BlobRow } from '../../store/blobs';
import type { Store } from '../../store/store';
import { liveRows } from '../../../../shared/sync/validate';
import { CONTEST_TABLE, ENTRY_TABLE, SCORE_TABLE } from '../../../../shared/contests/tables';
import { ORG_TABLE } from '../../../../shared/orgs/tables';

/** Every contest, newest first, with its number of entries. */
export function useContests(): { contests: Contest[]; entryCounts: Map<string, number>; countyCode: string | null } | undefined {
  const { db } = useStore();
  return useLiveQuery(async () => {
    const contests = liveRows<Contest>(CONTEST_TABLE, await db.rows(CONTEST_TABLE).toArray()).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    const entryCounts = new Map<string, number>();
    for (const e of liveRows<Entry>(ENTRY_TABLE, await db.rows(ENTRY_TABLE).toArray())) entryCounts.set(e.contestId, (entryCounts.get(e.contestId) ?? 0) + 1);
    // New contests belong to the county: rows carry its code as their scope.
    const county = liveRows<Org>(ORG_TABLE, await db.rows(ORG_TABLE).filter((r) => r.parentId === null && r.kind === 'county').toArray())[0];
    return { contests, entryCounts, countyCode: county?.code ?? null };
  }, [db]);
}

export interface ContestData {
  contest: Contest;
  entries: Entry[];
  scores: Score[];
  problems: Map<string, EntryProblem[]>;
  ranking: Ranking;
  orgs: Org[];
  county: Org | undefined;
  /** Townships, towns and farms: where entrants come from. */
  townships: Org[];
}

/** One contest with its entries (by code), scores, eligibility problems and ranking, kept live. */
export function useContestData(contestId: string): ContestData | null | undefined {
  const { db } = useStore();
  const raw = useLiveQuery(async () => {
    const row = await db.rows(CONTEST_TABLE).get(contestId);
    const [contest] = row ? liveRows<Contest>(CONTEST_TABLE, [row]) : [];
    if (!contest) return null;
    const entries = liveRows<Entry>(ENTRY_TABLE, await db.rows(ENTRY_TABLE).where('contestId').equals(contestId).toArray()).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const scores = liveRows<Score>(SCORE_TABLE, await db.rows(SCORE_TABLE).where('contestId').equals(contestId).toArray());
    const orgs = liveRows<Org>(ORG_TABLE, await db.rows(ORG_TABLE).toArray());
    return { contest, entries, scores, orgs };
  }, [db, contestId]);
  return useMemo(() => {
    if (raw === undefined || raw === null) return raw;
    const problems = checkEntries(raw.contest, raw.entries);
    const ranking = rankContest(raw.contest, raw.entries, raw.scores, problems);
    return {
      ...raw,
      problems,
      ranking,
      county: raw.orgs.find((o) => o.kind === 'county' && o.parentId === null),
      townships: raw.orgs.filter((o) => o.kind === 'township' && !o.archived).sort((a, b) => (a.code < b.code ? -1 : 1)),
    };
  }, [raw]);
}

/** An object URL for a stored photo (a blob, by hash), revoked when the component lets go of it. */
export function useBlobUrl(hash: string | undefined): string | undefined {
  const store = useStore();
  const row = useLiveQuery(() => (hash ? blobTable(store.db).get(hash) : undefined), [store, hash]);
  const url = useMemo(() => (row ? URL.createObjectURL(new Blob([row.bytes as BlobPart], { type: row.type })) : undefined), [row]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

/** The stored photos of these hashes, in their order; undefined for one not held here. */
export function readPhotos(store: Store, hashes: readonly string[]): Promise<(BlobRow | undefined)[]> {
  return blobTable(store.db).bulkGet([...hashes]);
}
