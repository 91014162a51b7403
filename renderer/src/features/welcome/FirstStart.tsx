import ArrowForward from '@mui/icons-material/ArrowForward';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage, useNotify, useStore } from '../../app/context';
import { DirectionalIcon } from '../../components/DirectionalIcon';
import { PcNameField, pcNameProblem } from '../../components/PcNameField';
import { storeErrorKey } from '../../store/errors';
import { loadDemoCounty, startEmpty } from '../../store/demo';
import { nameThisPc, writePcNameIfDue } from '../../store/pcName';
import { DemoDescription, ReceiveDescription } from './CardTexts';

/** The first screen on a new PC: try the app with the demo county, or start with nothing. */
export function FirstStart() {
  const { t } = useTranslation('welcome');
  const store = useStore();
  const notify = useNotify();
  const { lang } = useLanguage();
  const [busy, setBusy] = useState(false);
  // Optional here: a PC left unnamed shows as "电脑 9bc5df" and can be named on the About page.
  const [pcName, setPcName] = useState('');

  async function choose(action: () => Promise<void>, then = '#/overview') {
    // The field already says what is wrong with the name.
    if (pcNameProblem(pcName, true)) return;
    setBusy(true);
    try {
      if (pcName.trim() !== '') await nameThisPc(store, pcName);
      await action();
      // With the demo loaded the PC has changes of its own, so its name goes to the synced table now.
      await writePcNameIfDue(store);
      window.location.hash = then;
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={3} sx={{ maxWidth: 760, mx: 'auto' }} data-testid="first-start">
      <Typography variant="h4" component="h1">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('intro')}</Typography>
      <PcNameField value={pcName} onChange={setPcName} lang={lang} optional disabled={busy} sx={{ maxWidth: 480 }} />
      {busy ? <LinearProgress aria-label={t('loading')} data-testid="first-start-progress" /> : null}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="h6" component="h2">
              {t('demo.title')}
            </Typography>
            <DemoDescription />
          </CardContent>
          <CardActions>
            <Button
              variant="contained"
              disabled={busy}
              onClick={() => choose(() => loadDemoCounty(store))}
              endIcon={<DirectionalIcon><ArrowForward /></DirectionalIcon>}
              data-testid="load-demo"
            >
              {t('demo.action')}
            </Button>
          </CardActions>
        </Card>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="h6" component="h2">
              {t('empty.title')}
            </Typography>
            <Typography color="text.secondary">{t('empty.description')}</Typography>
          </CardContent>
          <CardActions>
            <Button variant="outlined" disabled={busy} onClick={() => choose(() => startEmpty(store))} data-testid="start-empty">
              {t('empty.action')}
            </Button>
          </CardActions>
        </Card>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="h6" component="h2">
              {t('receive.title')}
            </Typography>
            <ReceiveDescription />
          </CardContent>
          <CardActions>
            <Button
              variant="outlined"
              disabled={busy}
              onClick={() => choose(() => startEmpty(store), '#/sync')}
              data-testid="receive-first"
            >
              {t('receive.action')}
            </Button>
          </CardActions>
        </Card>
      </Stack>
    </Stack>
  );
}
