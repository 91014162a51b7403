import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify, useStore } from '../../app/context';
import { JoinRequest } from '../../components/trust/JoinRequest';
import { useEnrollment } from '../../components/trust/useEnrollment';
import { startEmpty } from '../../store/demo';
import { describeStoreError } from '../../store/errors';

/**
 * "Join a county": the PC (named first: the county sees the name) writes its request file and shows
 * its fingerprint; it then works, marked "not enrolled", until the county's answer is opened.
 */
export function JoinDialog({ open, onClose, before }: { open: boolean; onClose: () => void; before: () => Promise<boolean> }) {
  const { t } = useTranslation('pcs');
  const store = useStore();
  const notify = useNotify();
  const enrollment = useEnrollment();
  const [busy, setBusy] = useState(false);
  const asked = enrollment?.state === 'requested' ? enrollment.pending.fingerprint : undefined;

  async function carryOn() {
    setBusy(true);
    try {
      await startEmpty(store);
      window.location.hash = '#/enroll';
    } catch (error) {
      notify(describeStoreError(error));
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="join-title" data-testid="join-dialog">
      <DialogTitle id="join-title">{t('join.title')}</DialogTitle>
      <DialogContent>
        <JoinRequest fingerprint={asked} before={before} disabled={busy} />
        {asked ? (
          <Alert severity="info" sx={{ mt: 2 }}>
            {t('join.meanwhile')}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('cancel')}
        </Button>
        <Button variant="contained" onClick={carryOn} disabled={busy || !asked} data-testid="join-continue">
          {t('join.continue')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
