import Alert from '@mui/material/Alert';
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
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/bridge';
import { formatDate, formatDateTime, formatInteger } from '../../../../shared/i18n/format';
import { LEAGUESYNC_FILTERS } from '../../../../shared/bridge';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { daysSinceCopy, recordUsbCopy, USB_COPY_DUE_DAYS } from '../../store/usbCopy';
import { backupBundle, makeBackup, type BackupFileRecord } from '../../store/backups';
import type { BackupEntry } from '../../store/db';
import { describeStoreError } from '../../store/errors';
import { useSaveReport } from '../../components/useSaveAndReport';
import { MAX_BACKUPS_KEPT, setBackupsKept, useBackups, verifyBackupFile } from './useSyncData';


/**
 * Automatic backups (daily, before every import), a copy to a USB drive, and checking a backup file.
 * Says where the backups are: the desktop app also writes each one as a file in the data folder; a
 * browser has no such folder, so there the backups are only as safe as the browser profile, and the
 * card says plainly that they must be copied to a USB drive — with the last copy the storage banner
 * recorded (`usbCopyAt`), which a copy made here records too.
 */
export function BackupsCard() {
  const { t } = useTranslation('sync');
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const report = useSaveReport();
  const { backups, kept, fileRecord, lastCopy } = useBackups();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    bridge
      .appInfo()
      .then((next) => live && setInfo(next))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [bridge]);

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
      const result = await bridge.saveFile({ suggestedName: name, data: await backupBundle(store, backup), filters: LEAGUESYNC_FILTERS });
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
      const verdict = await verifyBackupFile(store, opened.files[0]!.data);
      if (verdict.ok) {
        notify({ severity: 'success', key: 'sync:backups.verified', values: { count: verdict.changes, date: formatDateTime(new Date(verdict.manifest.created), lang) } });
      } else {
        notify({ severity: 'error', key: `bundle:refusal.${verdict.reason}`, values: verdict.detail as Record<string, unknown> });
      }
    });

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('backups.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('backups.description')}
        </Typography>
        <BackupsWhere info={info} fileRecord={fileRecord?.value} lastCopy={lastCopy} />
        <TextField
          type="number"
          size="small"
          label={t('backups.kept')}
          value={kept}
          onChange={(e) => void setBackupsKept(store, Number(e.target.value))}
          slotProps={{ htmlInput: { min: 1, max: MAX_BACKUPS_KEPT } }}
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
                <TableCell>{t('common:columns.actions')}</TableCell>
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

/** Where the backups are: files in the data folder (desktop), or only in this browser (copy them to a USB drive). */
function BackupsWhere({ info, fileRecord, lastCopy }: { info: AppInfo | null; fileRecord: BackupFileRecord | undefined; lastCopy: string | undefined }) {
  const { t } = useTranslation('sync');
  const { lang } = useLanguage();
  if (info?.mode === 'electron' && info.dataFolder) {
    return (
      <>
        <Typography sx={{ mb: 2 }} data-testid="backups-folder">
          {t('backups.filesAt', { folder: info.dataFolder })}
        </Typography>
        {fileRecord && 'reason' in fileRecord && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="backups-file-failed" data-reason={fileRecord.reason}>
            {t('backups.fileFailed', { date: formatDateTime(new Date(fileRecord.at), lang) })} {t(`errors:bridge.${fileRecord.reason}`)}
          </Alert>
        )}
      </>
    );
  }
  if (info?.mode !== 'browser') return null;
  const days = daysSinceCopy(lastCopy, Date.now());
  const due = days === null || days >= USB_COPY_DUE_DAYS;
  const copyLine =
    days === null
      ? t('common:storage.never')
      : t(due ? 'common:storage.lastOld' : 'common:storage.last', { date: formatDate(new Date(lastCopy!), lang), days: formatInteger(days, lang) });
  return (
    <Alert severity={due ? 'warning' : 'info'} sx={{ mb: 2 }} data-testid="backups-browser" data-due={due}>
      {t('backups.browserOnly')} {copyLine}
    </Alert>
  );
}
