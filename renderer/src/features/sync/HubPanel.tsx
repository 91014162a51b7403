import SyncOutlined from '@mui/icons-material/SyncOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatInteger, LTR_ISOLATE, POP_ISOLATE } from '../../../../shared/i18n/format';
import { parseHubUrl } from '../../../../shared/sync/hub/fetchTransport';
import { useBridge, useLanguage, useStore } from '../../app/context';
import { useChangeCount } from '../../components/useChangeCount';
import { hubRunner, type HubStatus } from './hubRunner';
import { ORG_CODE_PATTERN } from '../../../../shared/sync/scope';


/** Addresses, codes and names are Latin text inside a right-to-left sentence: keep them whole. */
const ltr = (text: string) => `${LTR_ISOLATE}${text}${POP_ISOLATE}`;

/** Sync over the network with the county's hub: status, "Sync now", and the account. */
export function HubPanel() {
  const { t } = useTranslation('hub');
  const store = useStore();
  const bridge = useBridge();
  const { lang } = useLanguage();
  const runner = hubRunner(store, bridge);
  const status: HubStatus = useSyncExternalStore(
    (listener) => runner.subscribe(listener),
    () => runner.current,
  );
  // Changes made or imported here alter what is waiting to be sent.
  const changeCount = useChangeCount();
  useEffect(() => {
    void runner.refresh();
  }, [runner, changeCount]);

  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [scope, setScope] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);

  if (!bridge.hub) return null;
  const config = status.config;
  const configured = config?.configured === true;

  const urlInvalid = url.length > 0 && (!parseHubUrl(url) || parseHubUrl(url)?.user !== undefined);
  const scopeInvalid = scope.length > 0 && !ORG_CODE_PATTERN.test(scope);

  async function save(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    setSavedNote(null);
    if (urlInvalid || scopeInvalid || !url || !user || !password || !scope) return;
    const result = await bridge.hub!.configure({ url: url.trim(), user: user.trim(), password, scope });
    if (result.status === 'error') {
      setFormError(t(result.reason === 'no-safe-storage' ? 'errors.no-safe-storage' : 'errors.bad-answer'));
      return;
    }
    setPassword('');
    setSavedNote(t(config?.storage === 'memory' ? 'settings.savedBrowser' : 'settings.saved'));
    await runner.sync();
  }

  async function forget() {
    await bridge.hub!.configure(null);
    setSavedNote(t('settings.forgotten'));
    await runner.refresh();
  }

  const chip = status.running
    ? { label: t('status.syncing'), color: 'info' as const }
    : !configured
      ? { label: t('status.notConfigured'), color: 'default' as const }
      : status.connected === false
        ? { label: t('status.notConnected'), color: 'warning' as const }
        : status.connected === true
          ? { label: t('status.connected'), color: 'success' as const }
          : { label: t('status.notConnected'), color: 'default' as const };

  const progress = status.progress;
  const progressText = progress
    ? progress.phase === 'check'
      ? t('phase.check')
      : progress.phase === 'pull' && progress.total === undefined
        ? t('phase.pull', { done: formatInteger(progress.done, lang) })
        : t(progress.phase === 'pull' ? 'phase.pullOf' : `phase.${progress.phase}`, {
            done: formatInteger(progress.done, lang),
            total: formatInteger(progress.total ?? 0, lang),
          })
    : null;
  const percent = progress?.total ? Math.min(100, (100 * progress.done) / progress.total) : undefined;
  const outcome = status.lastOutcome;

  return (
    <Card variant="outlined" data-testid="hub-panel" component="section" aria-labelledby="hub-title">
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" id="hub-title">
            {t('title')}
          </Typography>
          <Chip size="small" label={chip.label} color={chip.color} data-testid="hub-status" />
        </Stack>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('intro')}
        </Typography>

        {configured && (
          <Stack spacing={0.5} sx={{ mb: 2 }}>
            <Typography data-testid="hub-account">
              {t('settings.current', { user: ltr(config.user ?? ''), address: ltr(config.address ?? ''), scope: ltr(config.scope ?? '') })}
            </Typography>
            <Typography data-testid="hub-last-sync">
              {status.lastSuccess ? t('lastSync', { time: formatDateTime(new Date(status.lastSuccess), lang) }) : t('never')}
            </Typography>
            <Typography data-testid="hub-waiting" data-count={status.waiting ?? 0}>{t('waiting', { count: formatInteger(status.waiting ?? 0, lang) })}</Typography>
          </Stack>
        )}

        <Box aria-live="polite" sx={{ minHeight: 8 }}>
          {progress && (
            <Box sx={{ mb: 2 }} data-testid="hub-progress">
              <Typography variant="body2" sx={{ mb: 0.5 }}>
                {progressText}
              </Typography>
              <LinearProgress variant={percent === undefined ? 'indeterminate' : 'determinate'} value={percent} aria-label={progressText ?? undefined} />
            </Box>
          )}
          {status.error && !status.running && (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="hub-error" data-reason={status.error}>
              {t(`errors.${status.error}`)}
            </Alert>
          )}
          {outcome && !status.running && !status.error && (
            <Alert
              severity="success"
              sx={{ mb: 2 }}
              data-testid="hub-done"
              data-finished={outcome.finishedAt}
              data-pushed={outcome.pushed}
              data-pulled={outcome.pulled.applied + outcome.pulled.parked}
              data-refused={outcome.pulled.refused}
            >
              {t('done', { pushed: formatInteger(outcome.pushed, lang), pulled: formatInteger(outcome.pulled.applied + outcome.pulled.parked, lang) })}
              {outcome.pulled.conflicts > 0 && <> {t('conflicts', { count: formatInteger(outcome.pulled.conflicts, lang) })}</>}
              {outcome.pulled.refused > 0 && <> {t('refused', { count: formatInteger(outcome.pulled.refused, lang) })}</>}
              {(outcome.pulled.takenBack ?? 0) > 0 && <> {t('takenBack', { count: formatInteger(outcome.pulled.takenBack!, lang) })}</>}
            </Alert>
          )}
          {outcome?.appOlder && !status.running && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {t('appOlder', { count: formatInteger(outcome.pulled.parked, lang) })}
            </Alert>
          )}
        </Box>

        <Box component="form" onSubmit={save} noValidate aria-label={t('settings.heading')}>
          <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
            {t('settings.heading')}
          </Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 1, flexWrap: 'wrap' }} useFlexGap>
            <TextField
              size="small"
              label={t('settings.address')}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              error={urlInvalid}
              helperText={urlInvalid ? t('settings.invalidAddress') : t('settings.addressHelp')}
              sx={{ minWidth: 340 }}
              slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'hub-url', spellCheck: false } }}
            />
            <TextField size="small" label={t('settings.name')} value={user} onChange={(e) => setUser(e.target.value)} slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'hub-user', autoComplete: 'username' } }} />
            <TextField
              size="small"
              type="password"
              label={t('settings.password')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'hub-password', autoComplete: 'current-password' } }}
            />
            <TextField
              size="small"
              label={t('settings.scope')}
              value={scope}
              onChange={(e) => setScope(e.target.value.toUpperCase())}
              error={scopeInvalid}
              helperText={scopeInvalid ? t('settings.invalidScope') : t('settings.scopeHelp')}
              slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'hub-scope' } }}
            />
          </Stack>
          {formError && (
            <Alert severity="error" sx={{ mb: 1 }}>
              {formError}
            </Alert>
          )}
          {savedNote && (
            <Alert severity="info" sx={{ mb: 1 }} data-testid="hub-saved">
              {savedNote}
            </Alert>
          )}
          <Stack direction="row" spacing={1}>
            <Button type="submit" variant="outlined" disabled={!url || !user || !password || !scope || urlInvalid || scopeInvalid} data-testid="hub-save">
              {t('settings.save')}
            </Button>
            {configured && (
              <Button onClick={() => void forget()} color="inherit" data-testid="hub-forget">
                {t('settings.forget')}
              </Button>
            )}
          </Stack>
        </Box>
      </CardContent>
      <CardActions>
        <Button variant="contained" startIcon={<SyncOutlined />} disabled={!configured || status.running} onClick={() => void runner.sync()} data-testid="hub-sync-now">
          {t('syncNow')}
        </Button>
      </CardActions>
    </Card>
  );
}
