import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** Scaffolding: the page is built in its own feature folder. */
export function JobsPage() {
  const { t } = useTranslation('jobs');
  return (
    <Typography variant="h5" component="h1">
      {t('title')}
    </Typography>
  );
}
