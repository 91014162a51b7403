import CloseOutlined from '@mui/icons-material/CloseOutlined';
import UsbOutlined from '@mui/icons-material/UsbOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInteger } from '../../../shared/i18n/format';
import { useSaveReport } from '../components/useSaveAndReport';
import { loadFullCopy } from '../features/sync';
import { requestPersistentStorage } from '../platform/persist';
import { describeStoreError } from '../store/errors';
import { useBridge, useLanguage, useNotify, useStore } from './context';
import { daysSinceCopy, lastUsbCopy, USB_COPY_DUE_DAYS } from '../store/usbCopy';

/**
 * Browser mode, where the browser refused persistent storage: the data on this PC may be cleared
 * when the disk runs low, so the app frame says so on every page and offers a full copy (the sync
 * page's full export, saved through the bridge) to carry on a USB drive. It remembers when the last
 * copy was made on this PC and asks more firmly once that is a week old. Closed, it stays closed
 * for this session only: it is back on the next start while storage is still not persistent.
 */

const DISMISSED_KEY = 'leagueDesk.storageBanner.dismissed';
export function StorageBanner({ isPersisted = requestPersistentStorage }: { isPersisted?: () => Promise<boolean> }) {
  const { t } = useTranslation();
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const report = useSaveReport();
  const [refused, setRefused] = useState(false);
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED_KEY) === '1');
  const [progress, setProgress] = useState<number | null>(null);
  const lastCopy = useLiveQuery(async () => ({ at: await lastUsbCopy(store) }), [store]);

  useEffect(() => {
    let live = true;
    // Only the browser can evict: the desktop app's data folder is its own.
    void Promise.all([bridge.appInfo(), isPersisted()])
      .then(([info, persisted]) => live && setRefused(info.mode === 'browser' && !persisted))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [bridge, isPersisted]);

  if (!refused || dismissed || lastCopy === undefined) return null;

  async function backUp() {
    setProgress(0);
    try {
      // The exporter (and its zip and hash code) loads only when a copy is made.
      const { saveFullCopy, SyncExportError } = await loadFullCopy();
      try {
        report(await saveFullCopy(store, bridge, (done, total) => setProgress(total ? (100 * done) / total : 100)));
      } catch (error) {
        notify(error instanceof SyncExportError ? { severity: 'error', key: `sync:export.${error.reason}` } : describeStoreError(error));
      }
    } finally {
      setProgress(null);
    }
  }

  function dismiss() {
    sessionStorage.setItem(DISMISSED_KEY, '1');
    setDismissed(true);
  }

  const days = daysSinceCopy(lastCopy.at, Date.now());
  const due = days === null || days >= USB_COPY_DUE_DAYS;
  const copyLine =
    days === null
      ? t('storage.never')
      : t(due ? 'storage.lastOld' : 'storage.last', { date: formatDate(new Date(lastCopy.at!), lang), days: formatInteger(days, lang) });

  return (
    <Alert
      severity={due ? 'warning' : 'info'}
      role="status"
      className="no-print"
      sx={{ mb: 2, alignItems: 'center' }}
      data-testid="storage-banner"
      data-due={due}
      action={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Button
            color="inherit"
            variant="outlined"
            size="small"
            startIcon={<UsbOutlined />}
            disabled={progress !== null}
            onClick={backUp}
            data-testid="storage-backup"
            sx={{ whiteSpace: 'nowrap' }}
          >
            {t('storage.backup')}
          </Button>
          <Tooltip title={t('storage.dismiss')}>
            <IconButton color="inherit" size="small" aria-label={t('storage.dismiss')} onClick={dismiss} data-testid="storage-dismiss">
              <CloseOutlined fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      }
    >
      {t('storage.refused')} <span data-testid="storage-last-copy">{copyLine}</span>
      {progress !== null ? <LinearProgress variant="determinate" value={progress} aria-label={t('storage.backingUp')} sx={{ mt: 1 }} /> : null}
    </Alert>
  );
}
