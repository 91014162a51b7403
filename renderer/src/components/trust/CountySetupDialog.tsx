import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../../../shared/i18n/format';
import type { BilingualText } from '../../../../shared/i18n/lang';
import { countyCodeSchema } from '../../../../shared/trust/schemas';
import { useLanguage, useNotify, useStore } from '../../app/context';
import { newPassphraseProblem, PassphraseField } from './PassphraseField';
import { RecoveryCodeShown } from './RecoveryCodeShown';
import { setUpCountyPc, startCountyTree } from '../../store/authorityStore';
import { describeStoreError } from '../../store/errors';
import type { Store } from '../../store/store';


/**
 * A set-up made whose recovery code is not confirmed yet, kept in this page's memory only (never
 * stored): the page that opened the dialog can be mounted anew once the PC is the county's (the
 * enrolment page's states change under it), and the code must still be shown until confirmed.
 */
const pendingSetups = new WeakMap<Store, { code: string; name: BilingualText; recoveryCode: string; adopted: number }>();

/** Whether a set-up of this store waits for its recovery code to be confirmed (the dialog should be open). */
export function countySetupPending(store: Store): boolean {
  return pendingSetups.has(store);
}

/**
 * "This is the county's PC": the county's code and name, the authority's passphrase twice; then the
 * recovery code, shown once, to print or write down before going on.
 */
export function CountySetupDialog({ open, onClose, before }: { open: boolean; onClose: () => void; before: () => Promise<boolean> }) {
  const { t } = useTranslation('pcs');
  const store = useStore();
  const pending = pendingSetups.get(store);
  const notify = useNotify();
  const { lang } = useLanguage();
  const [code, setCode] = useState(pending?.code ?? '');
  const [name, setName] = useState<BilingualText>(pending?.name ?? {});
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState<string | undefined>(pending?.recoveryCode);
  const [written, setWritten] = useState(false);
  /** How many changes written before trust the county's checkpoint adopted. */
  const [adopted, setAdopted] = useState(pending?.adopted ?? 0);

  const codeProblem = !countyCodeSchema.safeParse(code).success;
  const nameProblem = !name.zh?.trim() && !name.ug?.trim();
  const passProblem = newPassphraseProblem(passphrase, again);

  async function create() {
    setTried(true);
    if (codeProblem || nameProblem || passProblem) return;
    setBusy(true);
    try {
      if (!(await before())) return;
      const made = await setUpCountyPc(store, { county: code, name, passphrase });
      if (!made.ok) return notify({ severity: 'error', key: `pcs:refusal.${made.reason}` });
      setPassphrase('');
      setAgain('');
      pendingSetups.set(store, { code, name, recoveryCode: made.recoveryCode, adopted: made.adopted });
      setAdopted(made.adopted);
      setRecoveryCode(made.recoveryCode);
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setBusy(false);
    }
  }

  async function finish() {
    setBusy(true);
    try {
      await startCountyTree(store, code, name);
      pendingSetups.delete(store);
      window.location.hash = '#/pcs';
    } catch (error) {
      notify(describeStoreError(error));
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={busy || recoveryCode ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="county-setup-title" data-testid="county-setup">
      <DialogTitle id="county-setup-title">{recoveryCode ? t('setup.recoveryTitle') : t('setup.title')}</DialogTitle>
      {recoveryCode ? (
        <DialogContent>
          <Stack spacing={2}>
            <RecoveryCodeShown code={recoveryCode} written={written} onWritten={setWritten} />
            {adopted > 0 ? (
              <Alert severity="info" className="no-print" data-testid="setup-adopted">
                {t('setup.adopted', { n: formatInteger(adopted, lang) })}
              </Alert>
            ) : null}
          </Stack>
        </DialogContent>
      ) : (
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography color="text.secondary">{t('setup.explain')}</Typography>
            <Stack direction="row" spacing={2}>
              <TextField
                label={t('setup.code')}
                value={code}
                onChange={(e) => setCode(e.target.value.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 4))}
                error={tried && codeProblem}
                helperText={t('setup.codeHelp')}
                disabled={busy}
                sx={{ width: 200 }}
                slotProps={{ htmlInput: { 'data-testid': 'county-code', dir: 'ltr' } }}
              />
            </Stack>
            <TextField
              label={t('setup.nameZh')}
              value={name.zh ?? ''}
              onChange={(e) => setName({ ...name, zh: e.target.value })}
              error={tried && nameProblem}
              helperText={tried && nameProblem ? t('setup.nameRequired') : undefined}
              disabled={busy}
              slotProps={{ htmlInput: { 'data-testid': 'county-name-zh', lang: 'zh-CN' } }}
            />
            <TextField
              label={t('setup.nameUg')}
              value={name.ug ?? ''}
              onChange={(e) => setName({ ...name, ug: e.target.value })}
              disabled={busy}
              slotProps={{ htmlInput: { 'data-testid': 'county-name-ug', lang: 'ug', dir: 'rtl' } }}
            />
            <PassphraseField kind="choose" value={passphrase} onChange={setPassphrase} problem={tried && passProblem !== 'mismatch' ? passProblem : undefined} disabled={busy} testId="passphrase" />
            <PassphraseField kind="confirm" value={again} onChange={setAgain} problem={tried && passProblem === 'mismatch' ? 'mismatch' : undefined} disabled={busy} testId="passphrase-again" />
            <Alert severity="info">{t('setup.passphraseKeep')}</Alert>
            {busy ? <LinearProgress aria-label={t('setup.making')} /> : null}
          </Stack>
        </DialogContent>
      )}
      <DialogActions className="no-print">
        {recoveryCode ? (
          <>
            <Button startIcon={<PrintOutlined />} onClick={() => window.print()} data-testid="print-recovery">
              {t('setup.print')}
            </Button>
            <Button variant="contained" disabled={!written || busy} onClick={finish} data-testid="setup-finish">
              {t('setup.finish')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('cancel')}
            </Button>
            <Button variant="contained" onClick={create} disabled={busy} data-testid="setup-create">
              {t('setup.create')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
