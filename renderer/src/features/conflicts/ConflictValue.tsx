import { ethnicityName } from '../../../../shared/domain/ethnicity';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, NO_VALUE } from '../../../../shared/i18n/format';
import type { BilingualText, Lang } from '../../../../shared/i18n/lang';
import { BilingualName } from '../../components/BilingualName';
import { periodLabel } from '../../components/periodLabel';
import type { RowContext } from './conflictContext';

/** Where a field's value is a code with a label elsewhere in the app. */
const LABELLED: Record<string, string> = {
  'statReport.status': 'stats:statuses',
  'round.status': 'stats:rounds.statuses',
  'notice.status': 'jobs:status',
  'org.kind': 'common:orgKind',
};

function isBilingual(value: object): value is BilingualText {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (k === 'zh' || k === 'ug') && typeof (value as Record<string, unknown>)[k] === 'string');
}

interface Named {
  name?: unknown;
  id?: unknown;
  max?: unknown;
}

const bilingualOf = (value: unknown): BilingualText | undefined => (typeof value === 'object' && value !== null && isBilingual(value) ? value : undefined);
const listOf = (value: unknown): Named[] => (Array.isArray(value) ? (value as Named[]) : []);

/**
 * A value that points at another row, by what people call that row: an organisation by its name, a
 * round by its period, a contest by its title, an entry by its code, a judge by name, a score's
 * points by the contest's criteria. Undefined when the row is not held here (the id is shown).
 */
function reference(field: string, value: unknown, row: Readonly<Record<string, unknown>> | undefined, context: RowContext, lang: Lang, t: TFunction): ReactNode {
  const contest = typeof row?.['contestId'] === 'string' ? context.contests.get(row['contestId']) : undefined;
  if (typeof value === 'string') {
    if (field === 'orgId' || field === 'townshipId' || field === 'parentId') {
      const org = context.orgs.get(value);
      return org ? <BilingualName text={org.name} lang={lang} /> : null;
    }
    if (field === 'roundId') {
      const round = context.rounds.get(value);
      return round ? <>{periodLabel(round.period, t)}</> : null;
    }
    if (field === 'contestId') {
      const title = bilingualOf(context.contests.get(value)?.['title']);
      return title ? <BilingualName text={title} lang={lang} /> : null;
    }
    if (field === 'entryId') {
      const code = context.entries.get(value)?.['code'];
      return typeof code === 'string' ? <bdi dir="ltr">{code}</bdi> : null;
    }
    if (field === 'ethnicity') {
      // Stored as its code (or, from an older build, a name): the group in the reader's language.
      const name = ethnicityName(value, lang);
      return name ? <bdi>{name.text}</bdi> : null;
    }
    if (field === 'judgeId') {
      const name = listOf(contest?.['judges']).find((j) => j.id === value)?.name;
      return typeof name === 'string' ? <bdi>{name}</bdi> : null;
    }
  }
  if (field === 'points' && typeof value === 'object' && value !== null && contest) {
    const criteria = listOf(contest['criteria']);
    const parts = Object.entries(value as Record<string, unknown>).map(([id, points]) => {
      const name = bilingualOf(criteria.find((c) => c.id === id)?.name);
      return (
        <span key={id}>
          {name ? <BilingualName text={name} lang={lang} /> : <bdi dir="ltr">{id}</bdi>} {typeof points === 'number' ? formatNumber(points, lang) : NO_VALUE}
        </span>
      );
    });
    return <>{parts.flatMap((part, i) => (i === 0 ? [part] : [t('valueSeparator'), part]))}</>;
  }
  return null;
}

/**
 * One side's value, as people read it: numbers formatted, codes by their label, names in the
 * current language, and — given the rows that name them (`context`, and the `row` the value is in)
 * — another row by what people call it, not its id.
 */
export function ConflictValue({ table, field, value, lang, context, row }: { table: string; field: string; value: unknown; lang: Lang; context?: RowContext; row?: Readonly<Record<string, unknown>> }) {
  const { t } = useTranslation('conflicts');
  if (value === undefined || value === null || value === '') return <>{NO_VALUE}</>;
  const referenced = context ? reference(field, value, row, context, lang, t) : null;
  if (referenced) return referenced;
  if (typeof value === 'boolean') return <>{t(value ? 'yes' : 'no')}</>;
  if (typeof value === 'number') return <>{formatNumber(value, lang)}</>;
  if (typeof value === 'string') {
    const labels = LABELLED[`${table}.${field}`];
    return labels ? <>{t(`${labels}.${value}`, { defaultValue: value })}</> : <bdi>{value}</bdi>;
  }
  if (typeof value === 'object' && isBilingual(value)) return <BilingualName text={value} lang={lang} />;
  return <bdi dir="ltr">{JSON.stringify(value)}</bdi>;
}
