import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportingRound } from '../../../../shared/domain/stats';
import { formatInteger, formatPercent } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import { roundCompleteness } from '../../../../shared/stats/completeness';
import { useLanguage } from '../../app/context';
import { periodLabel } from '../../components/periodLabel';
import { useChartDirection } from '../../components/chartDirection';
import type { StatsModel } from '../../../../shared/stats/model';

/** Who has reported in a round, per township: on time, late, not yet. */
export function CompletenessChart({ model, round }: { model: StatsModel; round: ReportingRound }) {
  const { t } = useTranslation('dashboard');
  const { lang } = useLanguage();
  const dir = useChartDirection();
  const result = roundCompleteness(round, model.orgs, model.reports, { countyId: model.county!.id });
  const rows = result.byTownship
    .filter((r) => r.expected > 0)
    .map((r) => ({
      name: pickText(model.orgById.get(r.orgId)?.name ?? {}, lang).text,
      onTime: r.onTime,
      late: r.submitted - r.onTime,
      missing: r.expected - r.submitted,
    }));
  const count = (v: number) => formatInteger(v, lang, { bidi: 'plain' });
  const share = (v: number | null) => (v === null ? '—' : formatPercent(v, lang, 1));
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="completeness-chart">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h6" component="h2">
          {t('completeness.title', { period: periodLabel(round.period, t) })}
        </Typography>
        <Typography data-testid="completeness-total">
          {t('completeness.summary', { completeness: share(result.total.completeness), timeliness: share(result.total.timeliness) })}
        </Typography>
        <Button size="small" href={`#/bulletin?round=${encodeURIComponent(round.id)}`} data-testid="open-bulletin">
          {t('completeness.bulletin')}
        </Button>
      </Stack>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={rows} margin={{ top: 10, right: 10, bottom: 10, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" {...dir.xAxis} interval={0} angle={dir.rtl ? 35 : -35} textAnchor="end" tick={dir.tick} height={110} tickFormatter={dir.categoryLabel(13)} />
          <YAxis {...dir.yAxis} allowDecimals={false} tick={dir.valueTick} tickFormatter={count} />
          <Tooltip {...dir.tooltip} formatter={(value) => (typeof value === 'number' ? count(value) : String(value))} />
          <Legend {...dir.legend} verticalAlign="top" />
          <Bar dataKey="onTime" stackId="a" name={t('completeness.onTime')} fill="#2e7d32" isAnimationActive={false} />
          <Bar dataKey="late" stackId="a" name={t('completeness.late')} fill="#ed6c02" isAnimationActive={false} />
          <Bar dataKey="missing" stackId="a" name={t('completeness.missing')} fill="#bdbdbd" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}
