import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import GlobalStyles from '@mui/material/GlobalStyles';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { CodeGroups } from './Fingerprint';

/**
 * A county authority's recovery code, shown once (at set-up and at each handover): to print or
 * write down, with the box the person ticks once it is. Printing shows the code alone, not the app
 * behind the dialog; elements marked `no-print` (the dialog's buttons) stay off the paper.
 */
export function RecoveryCodeShown({ code, written, onWritten }: { code: string; written: boolean; onWritten(written: boolean): void }) {
  const { t } = useTranslation('pcs');
  return (
    <Stack spacing={2}>
      <GlobalStyles styles={{ '@media print': { '#root': { display: 'none' }, '.MuiDialog-root .no-print': { display: 'none' }, '.MuiDialog-root': { position: 'static' } } }} />
      <Typography>{t('setup.recoveryExplain')}</Typography>
      <CodeGroups code={code} label={t('setup.recoveryLabel')} testId="recovery-code" size="medium" />
      <Alert severity="warning">{t('setup.recoveryOnce')}</Alert>
      <FormControlLabel
        className="no-print"
        control={<Checkbox checked={written} onChange={(e) => onWritten(e.target.checked)} slotProps={{ input: { 'data-testid': 'recovery-written' } as object }} />}
        label={t('setup.recoveryWritten')}
      />
    </Stack>
  );
}
