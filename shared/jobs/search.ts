import { buildOrgSearchIndex, type OrgSearchIndex } from '../text/search';
import type { BilingualText } from '../i18n/lang';
import type { Notice } from './rows';

/**
 * Search over notices with the organisation search's matching (Chinese substring, pinyin initials
 * or syllables, normalized Uyghur): each notice is keyed by its employer, title, place and
 * contact in both languages. The code key is left empty so no query matches as a code.
 */
export interface NoticeSearchIndex {
  /** Ids that match; every id for an empty query. */
  matching(query: string): Set<string>;
}

export function buildNoticeSearchIndex(notices: readonly Notice[], townshipName: (id: string) => BilingualText | undefined, previous?: NoticeSearchIndex): NoticeSearchIndex {
  const keyed = notices.map((n) => {
    const township = n.townshipId ? townshipName(n.townshipId) : undefined;
    const join = (...parts: (string | undefined)[]) => parts.filter((p) => p && p.trim()).join(' ');
    return {
      id: n.id,
      code: '',
      name: {
        zh: join(n.employer.zh, n.title.zh, township?.zh, n.place, n.contactName),
        ug: join(n.employer.ug, n.title.ug, township?.ug, n.placeUg, n.contactNameUg),
      },
    };
  });
  const index = buildOrgSearchIndex(keyed, previous ? orgIndexes.get(previous) : undefined);
  const result: NoticeSearchIndex = { matching: (query) => new Set(index.search(query)) };
  orgIndexes.set(result, index);
  return result;
}

const orgIndexes = new WeakMap<NoticeSearchIndex, OrgSearchIndex>();
