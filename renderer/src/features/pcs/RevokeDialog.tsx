import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolateName } from '../../../../shared/i18n/format';
import { REVOCATION_CAUSES, type RevocationCause } from '../../../../shared/trust/revocation';
import { useNotify, useStore } from '../../app/context';
import { PassphraseField } from '../../components/trust/PassphraseField';
import { revokePc, type EnrolledPc } from '../../store/authorityStore';
import { describeStoreError } from '../../store/errors';

/**
 * Revoking a PC: the cause, what it means (its changes after the last one this PC has seen are
 * refused everywhere; it cannot be undone — the PC is enrolled again under a new request), and the
 * authority's passphrase.
 */
export function RevokeDialog({ pc, onClose }: { pc: EnrolledPc; onClose: () => void }) {
  const { t } = useTranslation('pcs');
  const store = useStore();
  const notify = useNotify();
  const [cause, setCause] = useState<RevocationCause | ''>('');
  const [passphrase, setPassphrase] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);

  async function revoke() {
    if (cause === '') return;
    setBusy(true);
    setWrong(false);
    try {
      const done = await revokePc(store, pc.device, cause, passphrase);
      if (!done.ok) {
        if (done.reason === 'wrong-passphrase') return setWrong(true);
        return notify({ severity: 'error', key: `pcs:refusal.${done.reason}` });
      }
      notify({ severity: 'success', key: 'pcs:revoke.done', values: { name: isolateName(pc.name) } });
      onClose();
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="revoke-title" data-testid="revoke-dialog">
      <DialogTitle id="revoke-title">{t('revoke.title', { name: isolateName(pc.name) })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning">{t('revoke.explain')}</Alert>
          <TextField select label={t('revoke.cause')} value={cause} onChange={(e) => setCause(e.target.value as RevocationCause)} disabled={busy} slotProps={{ htmlInput: { 'data-testid': 'revoke-cause' } }}>
            {REVOCATION_CAUSES.map((c) => (
              <MenuItem key={c} value={c} data-testid={`cause-${c}`}>
                {t(`revoke.causes.${c}`)}
              </MenuItem>
            ))}
          </TextField>
          <PassphraseField kind="enter" value={passphrase} onChange={(v) => (setPassphrase(v), setWrong(false))} problem={wrong ? 'wrong' : undefined} disabled={busy} testId="revoke-passphrase" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('cancel')}
        </Button>
        <Button variant="contained" color="error" onClick={revoke} disabled={busy || cause === '' || passphrase === ''} data-testid="revoke-go">
          {t('revoke.action')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
