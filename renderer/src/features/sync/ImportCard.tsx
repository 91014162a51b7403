import FileUploadOutlined from '@mui/icons-material/FileUploadOutlined';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge, useNotify, useStore } from '../../app/context';
import { LEAGUESYNC_FILTERS } from '../../../../shared/bridge';
import { describeStoreError } from '../../store/errors';
import { ImportPreviewDialog } from './ImportPreviewDialog';
import { applyReviewedImport, reviewImport, type ImportReview } from './syncService';


/** Receive data: one or several files, in any order; a preview first, nothing stored until confirmed. */
export function ImportCard({ restore = false }: { restore?: boolean }) {
  const { t } = useTranslation('sync');
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [review, setReview] = useState<ImportReview | null>(null);

  async function choose() {
    const opened = await bridge.openFiles({ multiple: !restore, filters: LEAGUESYNC_FILTERS });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'error') return notify({ severity: 'error', key: `errors:bridge.${opened.reason}` });
    setBusy(true);
    try {
      setReview(await reviewImport(store, opened.files));
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!review) return;
    setBusy(true);
    try {
      const outcome = await applyReviewedImport(store, review);
      notify({ severity: 'success', key: 'sync:import.done', values: { ...outcome } });
      setReview(null);
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t(restore ? 'restore.title' : 'import.title')}
        </Typography>
        <Typography color="text.secondary">{t(restore ? 'restore.description' : 'import.description')}</Typography>
        {busy ? <LinearProgress sx={{ mt: 2 }} aria-label={t('import.progress')} /> : null}
      </CardContent>
      <CardActions>
        <Button variant="contained" startIcon={<FileUploadOutlined />} disabled={busy} onClick={choose} data-testid={restore ? 'restore-bundle' : 'import-bundle'}>
          {t(restore ? 'restore.action' : 'import.action')}
        </Button>
      </CardActions>
      {review ? <ImportPreviewDialog review={review} busy={busy} restore={restore} onCancel={() => setReview(null)} onApply={apply} /> : null}
    </Card>
  );
}
