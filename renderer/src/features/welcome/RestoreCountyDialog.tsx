import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAGUEKEY_FILTERS } from '../../../../shared/bridge';
import { formatInteger, isolateLtr } from '../../../../shared/i18n/format';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { fileText } from '../../components/trust/files';
import { DialogButtons } from '../../components/trust/DialogButtons';
import { PassphraseField } from '../../components/trust/PassphraseField';
import { usePassphraseStep } from '../../components/trust/usePassphraseStep';
import { restoreCountyPc } from '../../store/authorityStore';
import { startEmpty } from '../../store/demo';

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
  const step = usePassphraseStep();
  const busy = step.busy;

  async function choose() {
    const opened = await bridge.openFiles({ multiple: false, filters: LEAGUEKEY_FILTERS });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'error') return notify({ severity: 'error', key: `errors:bridge.${opened.reason}` });
    const chosen = opened.files[0]!;
    setFile({ name: chosen.name, text: fileText(chosen.data) });
  }

  async function restore() {
    // The PC is named first (the field on the first screen says what is wrong with a name).
    if (file === undefined || !(await before())) return;
    await step.run(
      (passphrase) => restoreCountyPc(store, file.text, passphrase),
      async (restored) => {
        await startEmpty(store);
        notify(
          restored.adopted > 0
            ? { severity: 'success', key: 'pcs:restore.doneAdopted', values: { n: formatInteger(restored.adopted, lang) } }
            : { severity: 'success', key: 'pcs:restore.done' },
        );
        window.location.hash = '#/sync';
      },
    );
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
          <PassphraseField kind="enter" {...step.field} disabled={busy || !file} testId="restore-passphrase" />
          {busy ? <LinearProgress aria-label={t('restore.working')} /> : null}
        </Stack>
      </DialogContent>
      <DialogButtons onCancel={onClose} busy={busy} action={{ label: t('restore.action'), onClick: () => void restore(), disabled: !file || step.passphrase === '', testId: 'restore-go' }} />
    </Dialog>
  );
}
