import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/i18n/format';
import { parseStamp } from '../../../../shared/sync/hlc';
import { useLanguage } from '../../app/context';
import { ListTable } from '../../components/ListTable';
import { PcName, usePcNames } from '../../components/PcName';
import { fieldLabel, RowSubject } from './ConflictSubject';
import { ConflictValue } from './ConflictValue';
import { rowKeyOf } from './conflictContext';
import { useRefusedContext } from './useConflictsData';

/**
 * Changes other PCs sent that this PC did not apply because they are not authorized: a township PC
 * approving its own report, figures outside a PC's scope, a forged or altered change. Each says
 * what it would have written, which PC wrote it and when, and why it was refused. They are decided
 * again whenever an import brings new certificates, so one let in later leaves this list by itself.
 */
export function RefusedPage() {
  const { t } = useTranslation('conflicts');
  const { lang } = useLanguage();
  const context = useRefusedContext();
  const names = usePcNames();
  if (!context) return null;
  return (
    <Stack spacing={2} data-testid="refused">
      <Typography variant="h4" component="h1">
        {t('refused.title')}
      </Typography>
      <Typography color="text.secondary">{t('refused.intro')}</Typography>
      <ListTable
        count={context.refused.length}
        empty={t('refused.none')}
        emptyTestId="refused-empty"
        columns={[{ label: t('refused.what') }, { label: t('refused.change') }, { label: t('refused.pc') }, { label: t('refused.reason') }]}
      >
        {context.refused.map((r) => {
          const fields = Object.entries(r.change.fields);
          return (
            <TableRow key={r.hash} data-testid="refused-change" data-reason={r.reason} data-table={r.change.table}>
              <TableCell>
                <RowSubject target={r.change} context={context} names={names} lang={lang} />
              </TableCell>
              <TableCell data-testid="refused-fields">
                {fields.map(([field, value]) => (
                  <Typography key={field} component="div" variant="body2">
                    {fieldLabel(r.change.table, field, t)}
                    {t('refused.becomes')}
                    <ConflictValue table={r.change.table} field={field} value={value} lang={lang} context={context} row={{ ...context.rows.get(rowKeyOf(r.change.table, r.change.row)), ...r.change.fields }} />
                  </Typography>
                ))}
              </TableCell>
              <TableCell>
                <Typography component="div" data-testid="refused-pc">
                  <PcName device={r.device} names={names} />
                </Typography>
                <Typography variant="body2" color="text.secondary" component="div">
                  {formatDateTime(new Date(parseStamp(r.change.hlc).wall), lang)}
                </Typography>
              </TableCell>
              <TableCell data-testid="refused-reason">
                <Typography component="div">{t(`trust:reason.${r.reason}`)}</Typography>
                <Typography variant="body2" color="text.secondary" component="div">
                  {t('refused.arrived', { date: formatDateTime(new Date(r.arrived), lang) })}
                </Typography>
              </TableCell>
            </TableRow>
          );
        })}
      </ListTable>
    </Stack>
  );
}
