import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAGUEKEY_FILTERS } from '../../../../shared/bridge';
import { isolateLtr } from '../../../../shared/i18n/format';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { fileText } from '../../components/trust/files';
import { PassphraseField } from '../../components/trust/PassphraseField';
import { restoreCountyPc } from '../../store/authorityStore';
import { startEmpty } from '../../store/demo';
import { describeStoreError } from '../../store/errors';

/**
 * "Restore the county's PC from its authority file": the file saved on a USB drive and its
 * passphrase make this PC the county's PC; the county's data then comes from its latest backup or
 * full file (Sync page).
 */
export function RestoreCountyDialog({ open, onClose, before }: { open: boolean; onClose: () => void; before: () => Promise<boolean> }) {
  const { t } = useTranslation('pcs');
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const [file, setFile] = useState<{ name: string; text: string } | undefined>();
  const [passphrase, setPassphrase] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);

  async function choose() {
    const opened = await bridge.openFiles({ multiple: false, filters: LEAGUEKEY_FILTERS });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'error') return notify({ severity: 'error', key: `errors:bridge.${opened.reason}` });
    const chosen = opened.files[0]!;
    setFile({ name: chosen.name, text: fileText(chosen.data) });
  }

  async function restore() {
    if (!file) return;
    setBusy(true);
    setWrong(false);
    try {
      if (!(await before())) return;
      const restored = await restoreCountyPc(store, file.text, passphrase);
      if (!restored.ok) {
        if (restored.reason === 'wrong-passphrase') setWrong(true);
        else notify({ severity: 'error', key: `pcs:refusal.${restored.reason}` });
        return;
      }
      await startEmpty(store);
      notify({ severity: 'success', key: 'pcs:restore.done' });
      window.location.hash = '#/sync';
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="restore-county-title" data-testid="restore-county">
      <DialogTitle id="restore-county-title">{t('restore.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography color="text.secondary">{t('restore.explain', { extension: isolateLtr('.leaguekey', lang) })}</Typography>
          <div>
            <Button variant="outlined" startIcon={<FolderOpenOutlined />} onClick={choose} disabled={busy} data-testid="restore-choose">
              {t('restore.choose')}
            </Button>
          </div>
          {file ? (
            <Typography data-testid="restore-file" dir="ltr" sx={{ textAlign: 'start' }}>
              {file.name}
            </Typography>
          ) : null}
          <PassphraseField kind="enter" value={passphrase} onChange={(v) => (setPassphrase(v), setWrong(false))} problem={wrong ? 'wrong' : undefined} disabled={busy || !file} testId="restore-passphrase" />
          {busy ? <LinearProgress aria-label={t('restore.working')} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('cancel')}
        </Button>
        <Button variant="contained" onClick={restore} disabled={busy || !file || passphrase === ''} data-testid="restore-go">
          {t('restore.action')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
