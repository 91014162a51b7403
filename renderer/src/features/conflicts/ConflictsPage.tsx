import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import type { Conflict, StampedValue } from '../../../../shared/sync/conflict';
import { parseStamp } from '../../../../shared/sync/hlc';
import { formatDateTime } from '../../../../shared/i18n/format';
import { useApp } from '../../app/context';
import { readChangesByIds } from '../../store/changeLog';
import { storeErrorKey } from '../../store/errors';

function showValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Values that were overwritten by someone who had not seen them. Each shows both values, who wrote
 * them and when; keeping one writes a new change that wins on every PC after the next exchange.
 */
export function ConflictsPage() {
  const { t } = useTranslation('conflicts');
  const { store, lang, notify } = useApp();
  const [busy, setBusy] = useState(false);
  const data = useLiveQuery(async () => {
    const conflicts = await store.db.conflicts.toArray();
    const stamps = conflicts.flatMap((c) => [c.kept.hlc, c.overwritten.hlc]);
    const changes = await readChangesByIds(store.db, stamps);
    const authorOf = new Map([...changes.values()].map((c) => [c.id, c.author]));
    return { conflicts, authorOf };
  }, [store]);

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

  if (!data) return null;
  const who = (v: StampedValue) =>
    t('who', { author: data.authorOf.get(v.hlc) ?? parseStamp(v.hlc).device, date: formatDateTime(new Date(parseStamp(v.hlc).wall), lang) });

  return (
    <Stack spacing={2} data-testid="conflicts">
      <Typography variant="h4" component="h1">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('intro')}</Typography>
      <ListTable
        count={data.conflicts.length}
        empty={t('none')}
        emptyTestId="conflicts-empty"
        columns={[
          { label: t('what') },
          { label: t('kept') },
          { label: t('overwritten') },
        ]}
      >
        {data.conflicts.map((c) => (
          <TableRow key={c.id} data-testid="conflict">
            <TableCell>
              {t(`common:tables.${c.table}`)} · <bdi dir="ltr">{c.row}</bdi> · {t(`fields.${c.field}`, { defaultValue: c.field })}
            </TableCell>
            {[c.kept, c.overwritten].map((side, i) => (
              <TableCell key={i}>
                <Typography component="div">
                  <bdi>{showValue(side.value)}</bdi>
                </Typography>
                <Typography variant="body2" color="text.secondary">
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
