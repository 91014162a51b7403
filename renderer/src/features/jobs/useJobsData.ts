import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';
import type { Org } from '../../../../shared/domain/org';
import type { BilingualText } from '../../../../shared/i18n/lang';
import { townshipOrgs } from '../../../../shared/jobs/report';
import type { Notice, Placement } from '../../../../shared/jobs/rows';
import { buildNoticeSearchIndex, type NoticeSearchIndex } from '../../../../shared/jobs/search';
import { useStore } from '../../app/context';
import { liveRows } from '../../../../shared/sync/validate';
import { NOTICE_TABLE, PLACEMENT_TABLE } from '../../../../shared/jobs/tables';
import { ORG_TABLE } from '../../../../shared/orgs/tables';

export interface JobsData {
  notices: Notice[];
  placements: Placement[];
  orgs: Org[];
  county: Org | undefined;
  townships: Org[];
  noticeById: Map<string, Notice>;
  placementsByNotice: Map<string, Placement[]>;
  townshipName(id: string): BilingualText | undefined;
  index: NoticeSearchIndex;
}

/** Notices, placements and the organisations they name, re-read on every change (a write, an import). */
export function useJobsData(): JobsData | undefined {
  const { db } = useStore();
  const raw = useLiveQuery(
    async () => {
      const [notices, placements, orgs] = await Promise.all([db.rows(NOTICE_TABLE).toArray(), db.rows(PLACEMENT_TABLE).toArray(), db.rows(ORG_TABLE).toArray()]);
      return { notices: liveRows<Notice>(NOTICE_TABLE, notices), placements: liveRows<Placement>(PLACEMENT_TABLE, placements), orgs: liveRows<Org>(ORG_TABLE, orgs) };
    },
    [db],
  );
  const previous = useRef<NoticeSearchIndex | undefined>(undefined);
  return useMemo(() => {
    if (!raw) return undefined;
    const names = new Map(raw.orgs.map((o) => [o.id, o.name]));
    const townshipName = (id: string) => names.get(id);
    const placementsByNotice = new Map<string, Placement[]>();
    for (const p of raw.placements) {
      const list = placementsByNotice.get(p.noticeId);
      if (list) list.push(p);
      else placementsByNotice.set(p.noticeId, [p]);
    }
    const index = buildNoticeSearchIndex(raw.notices, townshipName, previous.current);
    previous.current = index;
    return {
      ...raw,
      county: raw.orgs.find((o) => o.kind === 'county'),
      townships: townshipOrgs(raw.orgs.filter((o) => !o.archived)),
      noticeById: new Map(raw.notices.map((n) => [n.id, n])),
      placementsByNotice,
      townshipName,
      index,
    };
  }, [raw]);
}
