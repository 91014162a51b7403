import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { PcName, usePcNames } from '../../components/PcName';
import type { Conflict, StampedValue } from '../../../../shared/sync/conflict';
import { parseStamp } from '../../../../shared/sync/hlc';
import { formatDateTime } from '../../../../shared/i18n/format';
import { useLanguage, useNotify, useStore } from '../../app/context';
import { storeErrorKey } from '../../store/errors';
import { useConflictContext } from './useConflictsData';
import { ConflictSubject } from './ConflictSubject';
import { ConflictValue } from './ConflictValue';
import { rowKeyOf } from './conflictContext';

/**
 * Values that were overwritten by someone who had not seen them. Each names what it is about (the
 * organisation, the period, the figure), shows both values, and which PC wrote each and when;
 * keeping one writes a new change that wins on every PC after the next exchange.
 */
export function ConflictsPage() {
  const { t } = useTranslation('conflicts');
  const store = useStore();
  const notify = useNotify();
  const { lang } = useLanguage();
  const [busy, setBusy] = useState(false);
  const context = useConflictContext();
  const names = usePcNames();

  async function keep(conflict: Conflict, side: StampedValue) {
    setBusy(true);
    try {
      await store.repo.resolveConflict(conflict, side.value);
      notify({ severity: 'success', key: 'conflicts:resolved' });
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    } finally {
      setBusy(false);
    }
  }

  if (!context) return null;
  // Until accounts arrive every change is made as its PC's own account, so the PC is who made it.
  const who = (v: StampedValue) => {
    const { device, wall } = parseStamp(v.hlc);
    return <Trans t={t} i18nKey="who" values={{ date: formatDateTime(new Date(wall), lang) }} components={{ pc: <PcName device={device} names={names} /> }} />;
  };

  return (
    <Stack spacing={2} data-testid="conflicts">
      <Typography variant="h4" component="h1">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('intro')}</Typography>
      <ListTable
        count={context.conflicts.length}
        empty={t('none')}
        emptyTestId="conflicts-empty"
        columns={[{ label: t('what') }, { label: t('kept') }, { label: t('overwritten') }]}
      >
        {context.conflicts.map((c) => (
          <TableRow key={c.id} data-testid="conflict" data-table={c.table} data-field={c.field}>
            <TableCell>
              <ConflictSubject conflict={c} context={context} names={names} lang={lang} />
            </TableCell>
            {[c.kept, c.overwritten].map((side, i) => (
              <TableCell key={i} data-testid={i === 0 ? 'conflict-kept' : 'conflict-overwritten'}>
                <Typography component="div" data-testid="conflict-value">
                  <ConflictValue table={c.table} field={c.field} value={side.value} lang={lang} context={context} row={context.rows.get(rowKeyOf(c.table, c.row))} />
                </Typography>
                <Typography variant="body2" color="text.secondary" component="div" data-testid="conflict-who">
                  {who(side)}
                </Typography>
                <Button size="small" disabled={busy} onClick={() => keep(c, side)} data-testid={i === 0 ? 'keep-kept' : 'keep-overwritten'}>
                  {t('keep')}
                </Button>
              </TableCell>
            ))}
          </TableRow>
        ))}
      </ListTable>
    </Stack>
  );
}
