import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
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
import { DialogButtons } from '../../components/trust/DialogButtons';
import { PassphraseField } from '../../components/trust/PassphraseField';
import { usePassphraseStep } from '../../components/trust/usePassphraseStep';
import { revokePc, type EnrolledPc } from '../../store/authorityStore';

/**
 * Revoking a PC: the cause, what it means (its changes after the last one this PC has seen are
 * refused everywhere; it cannot be undone — the PC is enrolled again under a new request), and the
 * authority's passphrase.
 */
export function RevokeDialog({ pc, onClose }: { pc: EnrolledPc; onClose: () => void }) {
  const { t } = useTranslation('pcs');
  const store = useStore();
  const notify = useNotify();
  const step = usePassphraseStep();
  const [cause, setCause] = useState<RevocationCause | ''>('');

  const revoke = () =>
    cause !== '' &&
    step.run<object>(
      (passphrase) => revokePc(store, pc.device, cause, passphrase),
      () => {
        notify({ severity: 'success', key: 'pcs:revoke.done', values: { name: isolateName(pc.name) } });
        onClose();
      },
    );

  return (
    <Dialog open onClose={step.busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="revoke-title" data-testid="revoke-dialog">
      <DialogTitle id="revoke-title">{t('revoke.title', { name: isolateName(pc.name) })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning">{t('revoke.explain')}</Alert>
          <TextField select label={t('revoke.cause')} value={cause} onChange={(e) => setCause(e.target.value as RevocationCause)} disabled={step.busy} slotProps={{ htmlInput: { 'data-testid': 'revoke-cause' } }}>
            {REVOCATION_CAUSES.map((c) => (
              <MenuItem key={c} value={c} data-testid={`cause-${c}`}>
                {t(`revoke.causes.${c}`)}
              </MenuItem>
            ))}
          </TextField>
          <PassphraseField kind="enter" {...step.field} testId="revoke-passphrase" />
        </Stack>
      </DialogContent>
      <DialogButtons
        onCancel={onClose}
        busy={step.busy}
        action={{ label: t('revoke.action'), onClick: () => void revoke(), disabled: cause === '' || step.passphrase === '', testId: 'revoke-go', color: 'error' }}
      />
    </Dialog>
  );
}
