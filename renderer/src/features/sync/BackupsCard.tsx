import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyBundle } from '../../../../shared/sync/bundle';
import { formatDateTime, formatInteger } from '../../../../shared/i18n/format';
import { LEAGUESYNC_FILTERS } from '../../../../shared/bridge';
import { useApp } from '../../app/context';
import { recordUsbCopy } from '../../store/usbCopy';
import { backupsKept, DEFAULT_BACKUPS_KEPT, makeBackup } from '../../store/backups';
import type { BackupEntry } from '../../store/db';
import { describeStoreError } from '../../store/errors';
import { useSaveReport } from './useSaveAndReport';


/** Automatic backups (daily, before every import), a copy to a USB drive, and checking a backup file. */
export function BackupsCard() {
  const { t } = useTranslation('sync');
  const { store, bridge, lang, notify } = useApp();
  const report = useSaveReport();
  const backups = useLiveQuery(() => store.db.backups.orderBy('created').reverse().toArray(), [store]) ?? [];
  const kept = useLiveQuery(() => backupsKept(store), [store]) ?? DEFAULT_BACKUPS_KEPT;
  const [busy, setBusy] = useState(false);

  async function guarded(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setBusy(false);
    }
  }

  const saveToUsb = (backup: BackupEntry) =>
    guarded(async () => {
      const name = `league-desk-backup-${backup.created.slice(0, 19).replace(/[:T]/g, '-')}.leaguesync`;
      const result = await bridge.saveFile({ suggestedName: name, data: backup.bytes, filters: LEAGUESYNC_FILTERS });
      // A backup saved out is a full copy of the data as it was then.
      if (result.status === 'saved') await recordUsbCopy(store, new Date(backup.created));
      report(result);
    });

  const backUpNow = () =>
    guarded(async () => {
      const made = await makeBackup(store, 'manual');
      notify(made ? { severity: 'success', key: 'sync:backups.made' } : { severity: 'info', key: 'sync:backups.nothing' });
    });

  const verifyFile = () =>
    guarded(async () => {
      const opened = await bridge.openFiles({ multiple: false, filters: LEAGUESYNC_FILTERS });
      if (opened.status === 'error') return notify({ severity: 'error', key: `errors:bridge.${opened.reason}` });
      if (opened.status !== 'opened') return;
      const verdict = await verifyBundle(opened.files[0]!.data);
      if (verdict.ok) {
        notify({ severity: 'success', key: 'sync:backups.verified', values: { count: verdict.changes, date: formatDateTime(new Date(verdict.manifest.created), lang) } });
      } else {
        notify({ severity: 'error', key: `bundle:refusal.${verdict.reason}`, values: verdict.detail as Record<string, unknown> });
      }
    });

  const setKept = (value: number) =>
    Number.isInteger(value) && value >= 1 && value <= 100 ? store.db.meta.put({ key: 'backupsKept', value }) : undefined;

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('backups.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('backups.description')}
        </Typography>
        <TextField
          type="number"
          size="small"
          label={t('backups.kept')}
          value={kept}
          onChange={(e) => void setKept(Number(e.target.value))}
          slotProps={{ htmlInput: { min: 1, max: 100 } }}
          sx={{ mb: 2, width: 220 }}
        />
        {backups.length === 0 ? (
          <Typography color="text.secondary" data-testid="backups-empty">
            {t('backups.none')}
          </Typography>
        ) : (
          <Table size="small" data-testid="backups">
            <TableHead>
              <TableRow>
                <TableCell>{t('backups.created')}</TableCell>
                <TableCell>{t('backups.reason')}</TableCell>
                <TableCell align="right">{t('preview.changes')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {backups.map((b) => (
                <TableRow key={b.id}>
                  <TableCell>{formatDateTime(new Date(b.created), lang)}</TableCell>
                  <TableCell>{t(`backups.reasons.${b.reason}`)}</TableCell>
                  <TableCell align="right">{formatInteger(b.changes, lang)}</TableCell>
                  <TableCell align="right">
                    <Button size="small" disabled={busy} onClick={() => saveToUsb(b)}>
                      {t('backups.saveToUsb')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <CardActions>
        <Button disabled={busy} onClick={backUpNow} data-testid="backup-now">
          {t('backups.now')}
        </Button>
        <Button disabled={busy} onClick={verifyFile} data-testid="verify-backup">
          {t('backups.verify')}
        </Button>
      </CardActions>
    </Card>
  );
}
