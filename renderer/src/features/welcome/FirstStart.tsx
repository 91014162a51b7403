import AccountBalanceOutlined from '@mui/icons-material/AccountBalanceOutlined';
import ArrowForward from '@mui/icons-material/ArrowForward';
import LinkOutlined from '@mui/icons-material/LinkOutlined';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage, useNotify, useStore } from '../../app/context';
import { DirectionalIcon } from '../../components/DirectionalIcon';
import { PcNameField, pcNameProblem } from '../../components/PcNameField';
import { useEnrollment } from '../../components/trust/useEnrollment';
import { storeErrorKey } from '../../store/errors';
import { loadDemoCounty, startEmpty } from '../../store/demo';
import { nameThisPc, writePcNameIfDue } from '../../store/pcName';
import { CountySetupDialog } from '../../components/trust/CountySetupDialog';
import { DemoDescription, ReceiveDescription } from './CardTexts';
import { JoinDialog } from './JoinDialog';
import { RestoreCountyDialog } from './RestoreCountyDialog';

type Opened = 'county' | 'restore' | 'join' | null;

function ChoiceCard({ title, children, actions, testId }: { title: string; children: ReactNode; actions: ReactNode; testId: string }) {
  return (
    <Card variant="outlined" sx={{ flex: 1, display: 'flex', flexDirection: 'column' }} data-testid={testId}>
      <CardContent sx={{ flexGrow: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {children}
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>{actions}</CardActions>
    </Card>
  );
}

/**
 * The first screen on a new PC: the county's PC (set up, or restored from its authority file),
 * join a county, try the demo, work alone, or take the county's file.
 */
export function FirstStart() {
  const { t } = useTranslation('welcome');
  const store = useStore();
  const notify = useNotify();
  const { lang } = useLanguage();
  const enrollment = useEnrollment();
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<Opened>(null);
  // Optional for the demo and working alone (a PC left unnamed shows as "电脑 9bc5df" and can be
  // named on the About page); needed to join, since the county sees the PC by its name.
  const [pcName, setPcName] = useState('');
  const [nameNeeded, setNameNeeded] = useState(false);

  /** Names the PC if a name was typed; false (and the field says why) when the name will not do. */
  async function nameFirst(required = false): Promise<boolean> {
    if (pcNameProblem(pcName, !required)) {
      setNameNeeded(true);
      return false;
    }
    if (pcName.trim() !== '') await nameThisPc(store, pcName);
    return true;
  }

  async function choose(action: () => Promise<void>, then = '#/overview') {
    if (pcNameProblem(pcName, true)) return;
    setBusy(true);
    const from = window.location.hash;
    try {
      await nameFirst();
      await action();
      // The app opens as soon as the action marks the PC set up: whoever has already gone on to
      // another page is not taken back to the Overview when the last steps below end.
      if (window.location.hash === from) window.location.hash = then;
      // With the demo loaded the PC has changes of its own, so its name goes to the synced table now.
      await writePcNameIfDue(store);
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    } finally {
      setBusy(false);
    }
  }

  function open(which: Exclude<Opened, null>, nameRequired = false) {
    if (nameRequired && pcNameProblem(pcName, false)) return setNameNeeded(true);
    if (pcNameProblem(pcName, true)) return;
    setOpened(which);
  }

  // Set up before, and closed before the recovery code was confirmed: carry on as the county's PC.
  const alreadyCounty = enrollment?.state === 'county';

  return (
    <Stack spacing={3} sx={{ maxWidth: 1100, mx: 'auto' }} data-testid="first-start">
      <Typography variant="h4" component="h1">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('intro')}</Typography>
      <PcNameField
        value={pcName}
        onChange={(v) => (setPcName(v), setNameNeeded(false))}
        lang={lang}
        optional={!nameNeeded}
        disabled={busy}
        sx={{ maxWidth: 480 }}
        {...(nameNeeded && pcName === '' ? { error: true, helperText: t('nameToJoin') } : {})}
      />
      {busy ? <LinearProgress aria-label={t('loading')} data-testid="first-start-progress" /> : null}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <ChoiceCard
          testId="choice-county"
          title={t('county.title')}
          actions={
            alreadyCounty ? (
              <Button variant="contained" disabled={busy} onClick={() => choose(() => startEmpty(store), '#/pcs')} data-testid="county-continue">
                {t('county.continue')}
              </Button>
            ) : (
              <>
                <Button variant="contained" startIcon={<AccountBalanceOutlined />} disabled={busy} onClick={() => open('county')} data-testid="setup-county">
                  {t('county.action')}
                </Button>
                <Button disabled={busy} onClick={() => open('restore')} data-testid="restore-county-open">
                  {t('county.restore')}
                </Button>
              </>
            )
          }
        >
          <Typography color="text.secondary">{t('county.description')}</Typography>
        </ChoiceCard>
        <ChoiceCard
          testId="choice-join"
          title={t('join.title')}
          actions={
            <Button variant="contained" startIcon={<LinkOutlined />} disabled={busy || alreadyCounty} onClick={() => open('join', true)} data-testid="join-county">
              {t('join.action')}
            </Button>
          }
        >
          <Typography color="text.secondary">{t('join.description')}</Typography>
        </ChoiceCard>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <ChoiceCard
          testId="choice-demo"
          title={t('demo.title')}
          actions={
            <Button
              variant="outlined"
              disabled={busy}
              onClick={() => choose(() => loadDemoCounty(store))}
              endIcon={<DirectionalIcon><ArrowForward /></DirectionalIcon>}
              data-testid="load-demo"
            >
              {t('demo.action')}
            </Button>
          }
        >
          <DemoDescription />
        </ChoiceCard>
        <ChoiceCard
          testId="choice-empty"
          title={t('empty.title')}
          actions={
            <Button variant="outlined" disabled={busy} onClick={() => choose(() => startEmpty(store))} data-testid="start-empty">
              {t('empty.action')}
            </Button>
          }
        >
          <Typography color="text.secondary">{t('empty.description')}</Typography>
        </ChoiceCard>
        <ChoiceCard
          testId="choice-receive"
          title={t('receive.title')}
          actions={
            <Button variant="outlined" disabled={busy} onClick={() => choose(() => startEmpty(store), '#/sync')} data-testid="receive-first">
              {t('receive.action')}
            </Button>
          }
        >
          <ReceiveDescription />
        </ChoiceCard>
      </Stack>
      {opened === 'county' ? <CountySetupDialog open onClose={() => setOpened(null)} before={() => nameFirst()} /> : null}
      {opened === 'restore' ? <RestoreCountyDialog open onClose={() => setOpened(null)} before={() => nameFirst()} /> : null}
      {opened === 'join' ? <JoinDialog open onClose={() => setOpened(null)} before={() => nameFirst(true)} /> : null}
    </Stack>
  );
}
