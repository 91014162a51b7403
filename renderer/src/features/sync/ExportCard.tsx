import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/i18n/format';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { pcLabel, usePcNames } from '../../components/PcName';
import { describeStoreError } from '../../store/errors';
import { saveFullCopy } from './fullCopy';
import { exportBundle, SyncExportError } from './syncService';
import { usePeers } from './useSyncData';
import { useSaveReport } from '../../components/useSaveAndReport';
import { LEAGUESYNC_FILTERS } from '../../../../shared/bridge';


/** Send data: everything, or only what one peer lacks, to a file the person carries on a USB drive. */
export function ExportCard() {
  const { t } = useTranslation('sync');
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const report = useSaveReport();
  const peers = usePeers();
  const names = usePcNames();
  const [target, setTarget] = useState('full');
  const [progress, setProgress] = useState<number | null>(null);

  async function run() {
    setProgress(0);
    try {
      const peer = peers.find((p) => p.device === target);
      const onProgress = (done: number, total: number) => setProgress(total ? (100 * done) / total : 100);
      if (!peer) return report(await saveFullCopy(store, bridge, onProgress));
      const exported = await exportBundle(store, { peer, onProgress });
      report(await bridge.saveFile({ suggestedName: exported.fileName, data: exported.bytes, filters: LEAGUESYNC_FILTERS }));
    } catch (error) {
      notify(error instanceof SyncExportError ? { severity: 'error', key: `sync:export.${error.reason}` } : describeStoreError(error));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('export.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('export.description')}
        </Typography>
        <TextField select size="small" label={t('export.target')} value={target} onChange={(e) => setTarget(e.target.value)} sx={{ minWidth: 320 }} slotProps={{ htmlInput: { 'data-testid': 'export-target' } }}>
          <MenuItem value="full">{t('export.full')}</MenuItem>
          {peers.map((p) => (
            <MenuItem key={p.device} value={p.device}>
              {t('export.peer', { pc: pcLabel(p.device, names, t, lang), scope: p.scope ?? '', date: formatDateTime(new Date(p.lastSeen), lang) })}
            </MenuItem>
          ))}
        </TextField>
        {progress !== null ? <LinearProgress variant="determinate" value={progress} sx={{ mt: 2 }} aria-label={t('export.progress')} /> : null}
      </CardContent>
      <CardActions>
        <Button variant="contained" startIcon={<FileDownloadOutlined />} disabled={progress !== null} onClick={run} data-testid="export-bundle">
          {t('export.action')}
        </Button>
      </CardActions>
    </Card>
  );
}
