import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useChangeCount } from '../../components/useChangeCount';
import { BackupsCard } from './BackupsCard';
import { ExportCard } from './ExportCard';
import { ImportCard } from './ImportCard';
import { HubPanel } from './HubPanel';

/** Data by USB drive: send, receive, back up, restore. */
export function SyncPage() {
  const { t } = useTranslation('sync');
  const changeCount = useChangeCount();
  return (
    <Stack spacing={3} sx={{ maxWidth: 960 }} data-testid="sync">
      <Typography variant="h4" component="h1">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('intro')}</Typography>
      {/* Restoring overwrites nothing: it is offered while this PC holds no data at all; after
          that, a backup file is imported like any other and merged. */}
      {/* Until the count is read, neither: the first card would otherwise flip from "receive" to
          "restore" under the pointer on a PC holding nothing. */}
      {changeCount === undefined ? (
        <LinearProgress aria-label={t('common:loading')} data-testid="sync-loading" />
      ) : changeCount === 0 ? (
        <ImportCard restore />
      ) : (
        <>
          <ExportCard />
          <ImportCard />
        </>
      )}
      <BackupsCard />
      <HubPanel />
    </Stack>
  );
}
