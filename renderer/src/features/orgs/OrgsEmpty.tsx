import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** No tree yet: where one comes from (the demo, a county's file) or start with the county itself. */
export function OrgsEmpty({ onCreateCounty }: { onCreateCounty(): void }) {
  const { t } = useTranslation('orgs');
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }} data-testid="orgs-empty">
      <Typography variant="h5" component="h1">
        {t('empty.title')}
      </Typography>
      <Typography color="text.secondary">{t('empty.description')}</Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button variant="outlined" href="#/overview" data-testid="orgs-empty-overview">
          {t('empty.toOverview')}
        </Button>
        <Button variant="outlined" href="#/sync" data-testid="orgs-empty-sync">
          {t('empty.toSync')}
        </Button>
        <Button variant="contained" onClick={onCreateCounty} data-testid="orgs-create-county">
          {t('empty.createCounty')}
        </Button>
      </Stack>
    </Stack>
  );
}
