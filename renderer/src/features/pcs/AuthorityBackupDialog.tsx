import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAGUEKEY_FILTERS } from '../../../../shared/bridge';
import { isolateLtr } from '../../../../shared/i18n/format';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { textBytes } from '../../components/trust/files';
import { PassphraseField } from '../../components/trust/PassphraseField';
import { useSaveReport } from '../../components/useSaveAndReport';
import { authorityBackup } from '../../store/authorityStore';
import { describeStoreError } from '../../store/errors';

/**
 * Saving the county's authority to a USB drive: the file stays encrypted under the passphrase,
 * which is asked first so that a drive never holds a file nobody can open.
 */
export function AuthorityBackupDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('pcs');
  const { lang } = useLanguage();
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const report = useSaveReport();
  const [passphrase, setPassphrase] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setWrong(false);
    try {
      const file = await authorityBackup(store, passphrase);
      if (!file.ok) {
        if (file.reason === 'wrong-passphrase') return setWrong(true);
        return notify({ severity: 'error', key: `pcs:refusal.${file.reason}` });
      }
      const saved = await bridge.saveFile({ suggestedName: file.fileName, data: textBytes(file.text), filters: LEAGUEKEY_FILTERS });
      report(saved);
      if (saved.status !== 'cancelled') onClose();
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="authority-backup-title" data-testid="authority-backup">
      <DialogTitle id="authority-backup-title">{t('backup.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography color="text.secondary">{t('backup.explain', { extension: isolateLtr('.leaguekey', lang) })}</Typography>
          <Alert severity="info">{t('backup.keepApart')}</Alert>
          <PassphraseField kind="enter" value={passphrase} onChange={(v) => (setPassphrase(v), setWrong(false))} problem={wrong ? 'wrong' : undefined} disabled={busy} testId="backup-passphrase" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('cancel')}
        </Button>
        <Button variant="contained" onClick={save} disabled={busy || passphrase === ''} data-testid="backup-go">
          {t('backup.action')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
