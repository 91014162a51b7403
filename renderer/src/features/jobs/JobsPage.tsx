import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storeErrorKey } from '../../store/errors';
import { setRouteParams, useRouteParams } from '../../app/routes';
import { useNotify, useStore } from '../../app/context';
import { BulletinView } from './BulletinView';
import { FiguresView } from './FiguresView';
import { NoticeDetails, type UndoOffer } from './NoticeDetails';
import { NoticeList } from './NoticeList';
import { useJobsData } from './useJobsData';

const VIEWS = ['notices', 'figures', 'bulletin'] as const;
type View = (typeof VIEWS)[number];

/**
 * Job notices (轮青诚聘) and the placements they led to: the list (`#/jobs`), one notice
 * (`#/jobs?view=notice&id=…`), the figures (`?view=figures`) and the WeChat bulletin (`?view=bulletin`).
 */
export function JobsPage() {
  const { t } = useTranslation('jobs');
  const store = useStore();
  const notify = useNotify();
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  // Kept while the snackbar slides away, so its text does not vanish before it does.
  const [undoOpen, setUndoOpen] = useState(false);
  const offerUndo = (offer: UndoOffer) => {
    setUndo(offer);
    setUndoOpen(true);
  };
  const params = useRouteParams();
  const data = useJobsData();
  const view = params.get('view');
  const tab: View = view === 'figures' || view === 'bulletin' ? view : 'notices';
  if (!data) return <CircularProgress aria-label={t('title')} />;
  return (
    <Stack spacing={2} data-testid="jobs-page">
      <Box className="no-print">
        <Typography variant="h5" component="h1">
          {t('title')}
        </Typography>
        <Tabs value={tab} onChange={(_e, next: View) => setRouteParams('jobs', next === 'notices' ? {} : { view: next })} aria-label={t('title')}>
          {VIEWS.map((v) => (
            <Tab key={v} value={v} label={t(`tabs.${v}`)} data-testid={`jobs-tab-${v}`} />
          ))}
        </Tabs>
      </Box>
      {view === 'notice' ? (
        <NoticeDetails data={data} noticeId={params.get('id') ?? ''} onUndoable={offerUndo} />
      ) : tab === 'figures' ? (
        <FiguresView data={data} />
      ) : tab === 'bulletin' ? (
        <BulletinView data={data} />
      ) : (
        <NoticeList data={data} />
      )}
      {/* Deleting is one click away from undoing: the delete is a field, and so is its undoing. */}
      <Snackbar
        open={undoOpen}
        autoHideDuration={10_000}
        onClose={(_e, reason) => reason !== 'clickaway' && setUndoOpen(false)}
        message={undo ? t(undo.key.replace(/^jobs:/, ''), undo.values) : ''}
        data-testid="jobs-undo"
        action={
          <Button
            color="inherit"
            size="small"
            data-testid="jobs-undo-button"
            onClick={() => {
              const offer = undo;
              setUndoOpen(false);
              setUndo(null);
              if (offer) store.repo.write(offer.undo).catch((error: unknown) => notify({ severity: 'error', key: storeErrorKey(error) }));
            }}
          >
            {t('actions.undo')}
          </Button>
        }
      />
    </Stack>
  );
}
