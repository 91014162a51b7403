import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/context';
import { useHeadline } from '../../app/useHeadline';
import { CoverageNote, HeadlineRoundPicker } from '../../components/HeadlineRound';
import { CompletenessChart } from './CompletenessChart';
import { RatioChart } from './RatioChart';
import { TrendChart } from './TrendChart';
import { EmptyPage } from '../../components/EmptyPage';

/** Ratios against targets, who has reported, and the trend: the county's picture for one period. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { lang } = useLanguage();
  const data = useHeadline('dashboard');
  if (!data) return null;
  const { model, headline, choose } = data;
  if (!model.county || !headline) {
    return (
      <EmptyPage title={t('title')} testId="dashboard-empty">
        {t('empty')}
      </EmptyPage>
    );
  }
  return (
    <Stack spacing={2} data-testid="dashboard">
      <Typography variant="h4" component="h1">
        {t('title')}
      </Typography>
      <HeadlineRoundPicker rounds={model.rounds} reports={model.reports} choice={headline.choice} lang={lang} onChoose={choose} />
      <CoverageNote choice={headline.choice} lang={lang} />
      <RatioChart summary={headline.summary} />
      <CompletenessChart model={model} round={headline.choice.round} />
      <TrendChart model={model} />
    </Stack>
  );
}
