import { useTranslation } from 'react-i18next';
import { formatNumber, NO_VALUE } from '../../../../shared/i18n/format';
import type { BilingualText, Lang } from '../../../../shared/i18n/lang';
import { BilingualName } from '../../components/BilingualName';

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

/** One side's value, as people read it: numbers formatted, codes by their label, names in the current language. */
export function ConflictValue({ table, field, value, lang }: { table: string; field: string; value: unknown; lang: Lang }) {
  const { t } = useTranslation('conflicts');
  if (value === undefined || value === null || value === '') return <>{NO_VALUE}</>;
  if (typeof value === 'boolean') return <>{t(value ? 'yes' : 'no')}</>;
  if (typeof value === 'number') return <>{formatNumber(value, lang)}</>;
  if (typeof value === 'string') {
    const labels = LABELLED[`${table}.${field}`];
    return labels ? <>{t(`${labels}.${value}`, { defaultValue: value })}</> : <bdi>{value}</bdi>;
  }
  if (typeof value === 'object' && isBilingual(value)) return <BilingualName text={value} lang={lang} />;
  return <bdi dir="ltr">{JSON.stringify(value)}</bdi>;
}
