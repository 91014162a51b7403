import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAGUECERT_FILTERS } from '../../../../shared/bridge';
import { isolateLtr, isolateName } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { CountySetupDialog, countySetupPending } from '../../components/trust/CountySetupDialog';
import { fileText } from '../../components/trust/files';
import { Fingerprint } from '../../components/trust/Fingerprint';
import { JoinRequest } from '../../components/trust/JoinRequest';
import { useEnrollment } from '../../components/trust/useEnrollment';
import { importEnrollmentAnswer } from '../../store/authorityStore';
import { describeStoreError } from '../../store/errors';
import { fingerprint } from '../../../../shared/trust/keys';
import { certificateLine } from './labels';

/** Opens the county's answer file (`.leaguecert`) and takes it if it certifies this PC. */
function OpenAnswer({ primary }: { primary: boolean }) {
  const { t } = useTranslation('pcs');
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  async function open() {
    const opened = await bridge.openFiles({ multiple: false, filters: LEAGUECERT_FILTERS });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'error') return notify({ severity: 'error', key: `errors:bridge.${opened.reason}` });
    setBusy(true);
    try {
      const taken = await importEnrollmentAnswer(store, fileText(opened.files[0]!.data));
      if (!taken.ok) return notify({ severity: 'error', key: `pcs:refusal.${taken.reason}` });
      notify({ severity: 'success', key: 'pcs:answer.done' });
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
    </div>
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
              <Typography color="text.secondary">{t('enroll.name', { name: enrollment.certificate.name })}</Typography>
              <Fingerprint value={fingerprint(enrollment.certificate.key)} size="medium" />
            </Stack>
          </CardContent>
        </Card>
      ) : enrollment.state === 'county' ? (
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
