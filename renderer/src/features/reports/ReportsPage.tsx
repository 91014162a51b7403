import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/context';
import { useHeadline } from '../../app/useHeadline';
import { CoverageNote, HeadlineRoundPicker } from '../../components/HeadlineRound';
import { SummarySection } from './SummarySection';
import { TemplateSection } from './TemplateSection';
import { EmptyPage } from '../../components/EmptyPage';

/**
 * Reports for the USB drive: the county summary (Excel, CSV, PDF) of the period the Overview shows by
 * default, or another chosen one, and the townships' spreadsheet templates of the round being filled.
 */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const { lang } = useLanguage();
  const data = useHeadline('reports');
  if (!data) return null;
  const { model, headline, choose } = data;
  if (!model.county || !headline) {
    return (
      <EmptyPage title={t('title')} testId="reports-empty">
        {t('empty')}
      </EmptyPage>
    );
  }
  return (
    <Stack spacing={2} data-testid="reports">
      <Stack spacing={1} className="no-print">
        <Typography variant="h4" component="h1">
          {t('title')}
        </Typography>
        <HeadlineRoundPicker rounds={model.rounds} reports={model.reports} choice={headline.choice} lang={lang} onChoose={choose} />
        <CoverageNote choice={headline.choice} lang={lang} />
      </Stack>
      <SummarySection summary={headline.summary} />
      <TemplateSection data={model} />
    </Stack>
  );
}
