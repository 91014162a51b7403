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
import { useApp } from '../../app/context';
import { DirectionalIcon } from '../../components/DirectionalIcon';
import { storeErrorKey } from '../../store/errors';
import { loadDemoCounty, startEmpty } from '../../store/demo';
import { DemoDescription, ReceiveDescription } from './CardTexts';

/** The first screen on a new PC: try the app with the demo county, or start with nothing. */
export function FirstStart() {
  const { t } = useTranslation('welcome');
  const { store, notify } = useApp();
  const [busy, setBusy] = useState(false);

  async function choose(action: () => Promise<void>, then = '#/overview') {
    setBusy(true);
    try {
      await action();
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
