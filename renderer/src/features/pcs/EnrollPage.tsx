import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAGUECERT_FILTERS } from '../../../../shared/bridge';
import { isolateLtr, isolateName } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { certifiedPcLabel } from '../../components/PcName';
import { CountySetupDialog, countySetupPending } from '../../components/trust/CountySetupDialog';
import { fileText } from '../../components/trust/files';
import { CodeGroups, Fingerprint } from '../../components/trust/Fingerprint';
import { JoinRequest } from '../../components/trust/JoinRequest';
import { useEnrollment } from '../../components/trust/useEnrollment';
import { openEnrollmentAnswer, takeEnrollmentAnswer, type OpenedAnswer } from '../../store/authorityStore';
import { describeStoreError } from '../../store/errors';
import { fingerprint } from '../../../../shared/trust/keys';
import { certificateLine } from './labels';
import { SuccessionDialog } from './SuccessionDialog';

/**
 * Opens the county's answer file (`.leaguecert`) and takes it if it certifies this PC. The first
 * answer makes the PC belong to a county for good, so the county authority's fingerprint is
 * compared first (a forged answer names another authority); a renewal from the county already
 * pinned is taken at once.
 */
function OpenAnswer({ primary }: { primary: boolean }) {
  const { t } = useTranslation('pcs');
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<OpenedAnswer | undefined>();

  async function open() {
    const picked = await bridge.openFiles({ multiple: false, filters: LEAGUECERT_FILTERS });
    if (picked.status === 'cancelled') return;
    if (picked.status === 'error') return notify({ severity: 'error', key: `errors:bridge.${picked.reason}` });
    setBusy(true);
    try {
      const read = await openEnrollmentAnswer(store, fileText(picked.files[0]!.data));
      if (!read.ok) return notify({ severity: 'error', key: `pcs:refusal.${read.reason}` });
      if (read.opened.confirm) return setConfirming(read.opened);
      await take(read.opened);
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setBusy(false);
    }
  }

  async function take(opened: OpenedAnswer) {
    const taken = await takeEnrollmentAnswer(store, opened);
    if (!taken.ok) return notify({ severity: 'error', key: `pcs:refusal.${taken.reason}` });
    notify({ severity: 'success', key: 'pcs:answer.done' });
  }

  async function confirm(opened: OpenedAnswer) {
    setBusy(true);
    try {
      await take(opened);
      setConfirming(undefined);
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <Button variant={primary ? 'contained' : 'outlined'} startIcon={<FolderOpenOutlined />} onClick={open} disabled={busy} data-testid="open-answer">
        {t('answer.open')}
      </Button>
      {confirming ? <ConfirmAnswer opened={confirming} busy={busy} onCancel={() => setConfirming(undefined)} onConfirm={() => void confirm(confirming)} /> : null}
    </div>
  );
}

function ConfirmAnswer({ opened, busy, onCancel, onConfirm }: { opened: OpenedAnswer; busy: boolean; onCancel(): void; onConfirm(): void }) {
  const { t } = useTranslation('pcs');
  const { lang } = useLanguage();
  const county = opened.countyName ? `${pickText(opened.countyName, lang).text} (${opened.county})` : opened.county;
  return (
    <Dialog open onClose={busy ? undefined : onCancel} maxWidth="sm" fullWidth aria-labelledby="answer-confirm-title" data-testid="answer-confirm">
      <DialogTitle id="answer-confirm-title">{t('answer.confirmTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography data-testid="answer-county">{t('answer.confirmCounty', { county: isolateName(county) })}</Typography>
          <CodeGroups code={opened.authorityFingerprint} label={t('answer.fingerprint')} testId="answer-authority-fingerprint" />
          <Typography color="text.secondary">{t('answer.confirmExplain')}</Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {t('cancel')}
        </Button>
        <Button variant="contained" onClick={onConfirm} disabled={busy} data-testid="answer-confirm-go">
          {t('answer.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * On a PC of the county: where the county's PC is lost with its passphrase, this PC takes the
 * authority on with the recovery code. The dialog it opens is the page's (below): once taken over,
 * this PC is the county's and the card is gone, but the new recovery code must still be shown.
 */
function TakeOverCard({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation('pcs');
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={1.5}>
          <Typography variant="h6" component="h2">
            {t('succession.recoverTitle')}
          </Typography>
          <Typography color="text.secondary">{t('succession.recoverExplain')}</Typography>
          <div>
            <Button variant="outlined" onClick={onOpen} data-testid="recover-open">
              {t('succession.recoverAction')}
            </Button>
          </div>
        </Stack>
      </CardContent>
    </Card>
  );
}

/**
 * A PC that has worked alone — one upgraded from a build before trust, holding the county's figures —
 * can become the county's PC here too (the first-start screen is behind it): the county adopts what
 * it holds (docs/ARCHITECTURE.md, "Adopting data written before trust").
 */
function BecomeCounty({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation('pcs');
  return (
    <Section title={t('enroll.countyTitle')} explain={t('enroll.countyExplain')}>
      <Button variant="outlined" onClick={onOpen} data-testid="enroll-setup-county">
        {t('enroll.countyAction')}
      </Button>
    </Section>
  );
}

/** A card of the page: a heading, a line saying what it is for, and its action. */
function Section({ title, explain, children }: { title: string; explain: string; children: ReactNode }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {explain}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** This PC's enrolment: not enrolled (ask to join), asked (fingerprint, take the answer), or enrolled (its role and scope). */
export function EnrollPage() {
  const { t } = useTranslation('pcs');
  const { lang } = useLanguage();
  const enrollment = useEnrollment();
  // Kept open above the page's states (and reopened if the page is mounted anew): once set up, this
  // PC is the county's and the card that opened it is gone, but the recovery code must still be
  // shown and confirmed.
  const store = useStore();
  const [settingUp, setSettingUp] = useState(() => countySetupPending(store));
  const [recovering, setRecovering] = useState(false);
  if (!enrollment) return <CircularProgress aria-label={t('loading')} />;

  return (
    <Stack spacing={3} sx={{ maxWidth: 880 }} data-testid="enroll">
      <Typography variant="h4" component="h1">
        {t('enroll.title')}
      </Typography>
      {enrollment.state === 'enrolled' ? (
        <Card variant="outlined" data-testid="enrolled">
          <CardContent>
            <Stack spacing={1.5}>
              <Alert severity={enrollment.demo ? 'info' : 'success'}>
                {enrollment.demo ? t('enroll.demo') : t('enroll.enrolled', { county: enrollment.countyName ? isolateName(pickText(enrollment.countyName, lang).text) : isolateLtr(enrollment.county, lang) })}
              </Alert>
              <Typography variant="h6" component="h2" data-testid="enrolled-role">
                {certificateLine(t, lang, enrollment.certificate)}
              </Typography>
              <Typography color="text.secondary">{t('enroll.name', { name: certifiedPcLabel(enrollment.certificate.name, enrollment.certificate.device, t, lang) })}</Typography>
              <Fingerprint value={fingerprint(enrollment.certificate.key)} size="medium" />
            </Stack>
          </CardContent>
        </Card>
      ) : null}
      {enrollment.state === 'enrolled' && !enrollment.demo ? <TakeOverCard onOpen={() => setRecovering(true)} /> : null}
      {recovering ? <SuccessionDialog ways={['recovery']} onClose={() => setRecovering(false)} /> : null}
      {enrollment.state === 'enrolled' ? null : enrollment.state === 'county' ? (
        <Alert severity="info">{t('enroll.isCounty')}</Alert>
      ) : (
        <>
          <Alert severity="warning" data-testid="not-enrolled">
            {t('enroll.notEnrolled')}
          </Alert>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {t('enroll.askTitle')}
              </Typography>
              <JoinRequest fingerprint={enrollment.state === 'requested' ? enrollment.pending.fingerprint : undefined} />
            </CardContent>
          </Card>
        </>
      )}
      {enrollment.state !== 'county' ? (
        <Section title={t('answer.title')} explain={t('answer.explain')}>
          <OpenAnswer primary={enrollment.state === 'requested'} />
        </Section>
      ) : null}
      {enrollment.state === 'alone' ? <BecomeCounty onOpen={() => setSettingUp(true)} /> : null}
      {settingUp ? <CountySetupDialog open onClose={() => setSettingUp(false)} before={async () => true} /> : null}
    </Stack>
  );
}
