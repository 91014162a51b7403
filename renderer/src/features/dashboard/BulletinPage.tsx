import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInteger } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import { missingReports, roundCompleteness } from '../../../../shared/stats/completeness';
import { chooseRound } from '../../../../shared/stats/headline';
import { useBridge, useLanguage, useNotify } from '../../app/context';
import { useRouteParams } from '../../app/routes';
import { periodLabel } from '../../components/periodLabel';
import { useBulletinData } from './useDashboardData';
import { EmptyPage } from '../../components/EmptyPage';

/**
 * The "who has not reported" bulletin the county sends round, one section per township naming each
 * unit. Printed on A4 (the app bar and navigation are hidden in print) or saved as a PDF.
 */
export function BulletinPage() {
  const { t } = useTranslation('dashboard');
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const data = useBulletinData();
  const params = useRouteParams();
  if (!data) return null;
  // The round the dashboard shows (it links here with ?round=), else the same default.
  const round = data.county ? chooseRound(data.rounds, data.reports, params.get('round'))?.round : undefined;
  if (!data.county || !round) {
    return (
      <EmptyPage title={t('bulletin.heading')} testId="bulletin-empty">
        {t('empty')}
      </EmptyPage>
    );
  }
  const missing = missingReports(round, data.orgs, data.reports, { countyId: data.county.id });
  const totals = roundCompleteness(round, data.orgs, data.reports, { countyId: data.county.id }).total;
  const name = (id: string | null) => (id === null ? t('bulletin.outside') : pickText(data.orgById.get(id)?.name ?? {}, lang).text);

  async function print() {
    const result = await bridge.printToPdf({ suggestedName: `bulletin-${round!.period}.pdf` });
    if (result.status === 'error') notify({ severity: 'error', key: `errors:bridge.${result.reason}` });
  }

  return (
    <Stack spacing={2} data-testid="bulletin" className="printable">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }} className="no-print">
        <Button href={`#/dashboard?round=${encodeURIComponent(round.id)}`}>{t('bulletin.back')}</Button>
        <Button variant="contained" onClick={print} data-testid="print-bulletin">
          {t('bulletin.print')}
        </Button>
      </Stack>
      <Typography variant="h4" component="h1">
        {t('bulletin.title', { county: pickText(data.county.name, lang).text, period: periodLabel(round.period, t) })}
      </Typography>
      <Typography>
        {t('bulletin.summary', {
          deadline: formatDate(round.deadline, lang),
          submitted: formatInteger(totals.submitted, lang),
          expected: formatInteger(totals.expected, lang),
        })}
      </Typography>
      {missing.every((m) => m.missing.length === 0) ? (
        <Typography data-testid="bulletin-complete">{t('bulletin.complete')}</Typography>
      ) : (
        missing
          .filter((m) => m.missing.length > 0)
          .map((m) => (
            <section key={m.townshipId ?? 'outside'} data-testid="bulletin-township">
              <Typography variant="h6" component="h2">
                {t('bulletin.township', { name: name(m.townshipId), count: formatInteger(m.missing.length, lang) })}
              </Typography>
              <Typography component="p">
                {m.missing.map((x) => t('bulletin.item', { name: name(x.orgId), status: t(`bulletin.statuses.${x.status}`) })).join(t('bulletin.separator'))}
              </Typography>
            </section>
          ))
      )}
    </Stack>
  );
}
