import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import { useTranslation } from 'react-i18next';

/** A dialog's cancel and its one action, both held while the action runs. */
export function DialogButtons({
  onCancel,
  busy,
  action,
}: {
  onCancel: () => void;
  busy: boolean;
  action: { label: string; onClick: () => void; disabled?: boolean; testId: string; color?: 'primary' | 'error' };
}) {
  const { t } = useTranslation('pcs');
  return (
    <DialogActions>
      <Button onClick={onCancel} disabled={busy}>
        {t('cancel')}
      </Button>
      <Button variant="contained" color={action.color ?? 'primary'} onClick={action.onClick} disabled={busy || action.disabled} data-testid={action.testId}>
        {action.label}
      </Button>
    </DialogActions>
  );
}
