import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { LEAGUEKEY_FILTERS } from '../../../../shared/bridge';
import { isolateLtr } from '../../../../shared/i18n/format';
import { useBridge, useLanguage, useStore } from '../../app/context';
import { DialogButtons } from '../../components/trust/DialogButtons';
import { textBytes } from '../../components/trust/files';
import { PassphraseField } from '../../components/trust/PassphraseField';
import { usePassphraseStep } from '../../components/trust/usePassphraseStep';
import { useSaveReport } from '../../components/useSaveAndReport';
import { authorityBackup } from '../../store/authorityStore';

/**
 * Saving the county's authority to a USB drive: the file stays encrypted under the passphrase,
 * which is asked first so that a drive never holds a file nobody can open.
 */
export function AuthorityBackupDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('pcs');
  const { lang } = useLanguage();
  const store = useStore();
  const bridge = useBridge();
  const report = useSaveReport();
  const step = usePassphraseStep();

  const save = () =>
    step.run(
      (passphrase) => authorityBackup(store, passphrase),
      async (file) => {
        const saved = await bridge.saveFile({ suggestedName: file.fileName, data: textBytes(file.text), filters: LEAGUEKEY_FILTERS });
        report(saved);
        if (saved.status !== 'cancelled') onClose();
      },
    );

  return (
    <Dialog open onClose={step.busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="authority-backup-title" data-testid="authority-backup">
      <DialogTitle id="authority-backup-title">{t('backup.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography color="text.secondary">{t('backup.explain', { extension: isolateLtr('.leaguekey', lang) })}</Typography>
          <Alert severity="info">{t('backup.keepApart')}</Alert>
          <PassphraseField kind="enter" {...step.field} testId="backup-passphrase" />
        </Stack>
      </DialogContent>
      <DialogButtons onCancel={onClose} busy={step.busy} action={{ label: t('backup.action'), onClick: save, disabled: step.passphrase === '', testId: 'backup-go' }} />
    </Dialog>
  );
}
