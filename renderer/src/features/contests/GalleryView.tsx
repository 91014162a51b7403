import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entry, EntryPhoto } from '../../../../shared/contests/rows';
import { formatInteger } from '../../../../shared/i18n/format';
import { useLanguage } from '../../app/context';
import ArrowBack from '@mui/icons-material/ArrowBack';
import ArrowForward from '@mui/icons-material/ArrowForward';
import { DirectionalIcon } from '../../components/DirectionalIcon';
import { PhotoThumb } from './PhotoThumb';
import type { ContestData } from './useContestData';

interface Item {
  entry: Entry;
  photo: EntryPhoto;
}

/** Every photo of the contest as a grid; Enter or a click opens it large; arrow keys move between photos. */
export function GalleryView({ data }: { data: ContestData }) {
  const { t } = useTranslation('contests');
  const { lang } = useLanguage();
  const items: Item[] = data.entries.flatMap((entry) => (entry.photos ?? []).map((photo) => ({ entry, photo })));
  const [open, setOpen] = useState<number | null>(null);
  // In a right-to-left page the next photo is to the left: the arrow keys follow what the eye sees.
  const forward = lang === 'ug' ? 'ArrowLeft' : 'ArrowRight';
  const back = lang === 'ug' ? 'ArrowRight' : 'ArrowLeft';
  const move = (delta: number) => setOpen((i) => (i === null ? i : (i + delta + items.length) % items.length));

  if (items.length === 0) return <Typography color="text.secondary">{t('photos.empty')}</Typography>;
  const current = open === null ? null : items[open]!;
  return (
    <>
      <Box data-testid="gallery" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 1 }}>
        {items.map((item, i) => (
          <Box
            key={`${item.entry.id}:${item.photo.original}`}
            component="button"
            type="button"
            aria-label={`${item.entry.code} ${t('photos.full')}`}
            onClick={() => setOpen(i)}
            data-testid="gallery-item"
            sx={{ p: 0, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', cursor: 'pointer', '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' } }}
          >
            <PhotoThumb photo={item.photo} size={178} />
            <Typography variant="caption" component="div" dir="ltr">
              {item.entry.code}
            </Typography>
          </Box>
        ))}
      </Box>
      <Dialog
        open={current !== null}
        onClose={() => setOpen(null)}
        maxWidth="lg"
        fullWidth
        data-testid="gallery-full"
        onKeyDown={(e) => {
          if (e.key === forward) move(1);
          if (e.key === back) move(-1);
        }}
      >
        {current && (
          <>
            <DialogTitle>
              <bdi dir="ltr">{current.entry.code}</bdi> · <bdi>{current.entry.title}</bdi> ·{' '}
              <span data-testid="gallery-position">{t('photos.position', { index: formatInteger(open! + 1, lang), total: formatInteger(items.length, lang) })}</span>
            </DialogTitle>
            <DialogContent sx={{ display: 'flex', justifyContent: 'center' }}>
              <PhotoThumb photo={current.photo} size={640} full alt={current.entry.title} />
            </DialogContent>
            <DialogActions>
              <Button onClick={() => move(-1)} startIcon={
                  <DirectionalIcon>
                    <ArrowBack />
                  </DirectionalIcon>
                }>
                {t('photos.previous')}
              </Button>
              <Button onClick={() => move(1)} endIcon={
                  <DirectionalIcon>
                    <ArrowForward />
                  </DirectionalIcon>
                }>
                {t('photos.next')}
              </Button>
              <Button onClick={() => setOpen(null)}>{t('photos.close')}</Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </>
  );
}
