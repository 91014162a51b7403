import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify, useStore } from '../../app/context';
import { newPassphraseProblem, PassphraseField } from '../../components/trust/PassphraseField';
import { RecoveryCodeShown } from '../../components/trust/RecoveryCodeShown';
import { usePassphraseStep } from '../../components/trust/usePassphraseStep';
import { handOnAuthority, recoverAuthority } from '../../store/authorityStore';

export type SuccessionWay = 'passphrase' | 'recovery';

/**
 * Hands the county's authority on to a new key and passphrase (docs/ARCHITECTURE.md, "Succession"):
 * proven with the current passphrase, or — the passphrase or the county's PC lost — with the printed
 * recovery code (then this PC becomes the county's PC). The new recovery code is shown once.
 * `ways` limits the choice (a PC that holds no authority can only use the recovery code).
 */
export function SuccessionDialog({ ways, onClose }: { ways: readonly SuccessionWay[]; onClose(): void }) {
  const { t } = useTranslation('pcs');
  const store = useStore();
  const notify = useNotify();
  const step = usePassphraseStep();
  const [way, setWay] = useState<SuccessionWay>(ways[0]!);
  const [code, setCode] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState<string | undefined>();
  const [written, setWritten] = useState(false);
  const nextProblem = newPassphraseProblem(next, again);
  const proofMissing = way === 'passphrase' ? step.passphrase === '' : code.trim() === '';

  async function go() {
    setTried(true);
    if (nextProblem || proofMissing) return;
    await step.run(
      (passphrase) => (way === 'passphrase' ? handOnAuthority(store, { passphrase, newPassphrase: next }) : recoverAuthority(store, { recoveryCode: code, newPassphrase: next })),
      (done) => {
        setNext('');
        setAgain('');
        setRecoveryCode(done.recoveryCode);
      },
    );
  }

  function finish() {
    notify({ severity: 'success', key: 'pcs:succession.done' });
    onClose();
    window.location.hash = '#/pcs';
  }

  const busy = step.busy;
  return (
    <Dialog open onClose={busy || recoveryCode ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="succession-title" data-testid="succession-dialog">
      <DialogTitle id="succession-title">{recoveryCode ? t('succession.doneTitle') : t('succession.title')}</DialogTitle>
      <DialogContent>
        {recoveryCode ? (
          <RecoveryCodeShown code={recoveryCode} written={written} onWritten={setWritten} />
        ) : (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography color="text.secondary">{t(ways.includes('passphrase') ? 'succession.explain' : 'succession.recoverExplain')}</Typography>
            {ways.length > 1 ? (
              <FormControl>
                <FormLabel id="succession-way">{t('succession.way')}</FormLabel>
                <RadioGroup aria-labelledby="succession-way" value={way} onChange={(e) => setWay(e.target.value as SuccessionWay)}>
                  {ways.map((w) => (
                    <FormControlLabel key={w} value={w} control={<Radio slotProps={{ input: { 'data-testid': `succession-way-${w}` } as object }} />} label={t(w === 'passphrase' ? 'succession.withPassphrase' : 'succession.withRecovery')} disabled={busy} />
                  ))}
                </RadioGroup>
              </FormControl>
            ) : null}
            {way === 'passphrase' ? (
              <PassphraseField kind="enter" {...step.field} problem={step.field.problem ?? (tried && proofMissing ? 'empty' : undefined)} testId="succession-passphrase" autoFocus />
            ) : (
              <TextField
                label={t('succession.recoveryCode')}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={tried && proofMissing}
                helperText={t('succession.recoveryHelp')}
                disabled={busy}
                autoComplete="off"
                slotProps={{ htmlInput: { 'data-testid': 'succession-code', dir: 'ltr', spellCheck: false } }}
              />
            )}
            <PassphraseField kind="choose" value={next} onChange={setNext} problem={tried && nextProblem !== 'mismatch' ? nextProblem : undefined} disabled={busy} testId="succession-new" />
            <PassphraseField kind="confirm" value={again} onChange={setAgain} problem={tried && nextProblem === 'mismatch' ? 'mismatch' : undefined} disabled={busy} testId="succession-again" />
            {busy ? <LinearProgress aria-label={t('succession.making')} /> : null}
          </Stack>
        )}
      </DialogContent>
      <DialogActions className="no-print">
        {recoveryCode ? (
          <>
            <Button startIcon={<PrintOutlined />} onClick={() => window.print()}>
              {t('setup.print')}
            </Button>
            <Button variant="contained" disabled={!written} onClick={finish} data-testid="succession-finish">
              {t('succession.finish')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('cancel')}
            </Button>
            <Button variant="contained" onClick={() => void go()} disabled={busy} data-testid="succession-go">
              {t('succession.go')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
