import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_FIGURES } from '../../../../shared/domain/stats';
import type { BilingualText, Lang } from '../../../../shared/i18n/lang';
import type { Conflict } from '../../../../shared/sync/conflict';
import type { MergedRow } from '../../../../shared/sync/row';
import { BilingualName } from '../../components/BilingualName';
import { periodLabel } from '../../components/periodLabel';
import { PcName, type PcNames } from '../../components/PcName';
import { rowKeyOf, type ConflictContext, type RowContext } from './conflictContext';

const bilingual = (value: unknown): BilingualText => (typeof value === 'object' && value !== null ? (value as BilingualText) : {});
const ltr = (code: unknown) => <bdi dir="ltr">{String(code)}</bdi>;

/** What a row is called, and the period it belongs to when it has one. */
function describe(c: { table: string; row: string }, row: MergedRow | undefined, context: RowContext, names: PcNames | undefined, lang: Lang, t: TFunction): { subject: ReactNode; period?: string } {
  const orgName = (id: unknown) => {
    const org = typeof id === 'string' ? context.orgs.get(id) : undefined;
    return org ? <BilingualName text={org.name} lang={lang} /> : null;
  };
  const period = (roundId: unknown) => {
    const round = typeof roundId === 'string' ? context.rounds.get(roundId) : undefined;
    return round ? periodLabel(round.period, t) : undefined;
  };
  if (c.table === 'device') return { subject: <PcName device={c.row} names={names} /> };
  if (!row) return { subject: t('conflicts:rowGone') };
  switch (c.table) {
    case 'statReport':
      return { subject: orgName(row['orgId']) ?? t('conflicts:rowGone'), period: period(row['roundId']) };
    case 'org':
      return { subject: orgName(c.row) ?? t('conflicts:rowGone') };
    case 'round':
      return { subject: period(c.row) ?? t('conflicts:rowGone') };
    case 'target':
      if (row['appliesTo'] === 'org') return { subject: orgName(row['subject']) ?? t('conflicts:rowGone') };
      if (row['appliesTo'] === 'kind') return { subject: t(`common:orgKind.${String(row['subject'])}`) };
      return { subject: t(`stats:targets.levels.${String(row['subject'])}`) };
    case 'notice':
    case 'contest':
      return { subject: <BilingualName text={bilingual(row['title'])} lang={lang} /> };
    case 'placement':
      return { subject: <bdi>{String(row['name'] ?? '')}</bdi> };
    case 'entry':
      return { subject: <>{ltr(row['code'])} <bdi>{String(row['title'] ?? '')}</bdi></> };
    case 'score': {
      const entry = typeof row['entryId'] === 'string' ? context.entries.get(row['entryId']) : undefined;
      return { subject: entry ? ltr(entry['code']) : t('conflicts:rowGone') };
    }
    default:
      return { subject: t('conflicts:rowGone') };
  }
}

/** A field in people's words: a report's figure by the figure's label, any other by the field's. */
export function fieldLabel(table: string, field: string, t: TFunction): string {
  if (table === 'statReport' && (ALL_FIGURES as readonly string[]).includes(field)) return t(`stats:figures.${field}`);
  return t(`conflicts:fields.${field}`, { defaultValue: field });
}

/**
 * The "what" of a conflict: the organisation (or notice, contest, PC …) by name in the current
 * language, then the kind of data, the period and the figure — never a row id.
 */
export function ConflictSubject({ conflict, context, names, lang }: { conflict: Conflict; context: ConflictContext; names: PcNames | undefined; lang: Lang }) {
  return <RowSubject target={conflict} field={conflict.field} context={context} names={names} lang={lang} />;
}

/** The "what" of a row a change writes (a conflict's, a refused change's), and of one of its fields when given. */
export function RowSubject({ target, field, context, names, lang }: { target: { table: string; row: string }; field?: string; context: RowContext; names: PcNames | undefined; lang: Lang }) {
  const { t } = useTranslation('conflicts');
  const row = context.rows.get(rowKeyOf(target.table, target.row));
  const { subject, period } = describe(target, row, context, names, lang, t);
  return (
    <>
      <Typography component="div" data-testid="conflict-subject">
        {subject}
      </Typography>
      <Typography variant="body2" color="text.secondary" component="div">
        <span data-testid="conflict-table">{t(`common:tables.${target.table}`)}</span>
        {period ? (
          <>
            {' · '}
            <span data-testid="conflict-period">{period}</span>
          </>
        ) : null}
        {field === undefined ? null : (
          <>
            {' · '}
            <Box component="span" data-testid="conflict-field" sx={{ fontWeight: 'bold', color: 'text.primary' }}>
              {fieldLabel(target.table, field, t)}
            </Box>
          </>
        )}
      </Typography>
    </>
  );
}
