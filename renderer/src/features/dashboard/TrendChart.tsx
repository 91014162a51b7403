import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../../../shared/i18n/format';
import { rollUp } from '../../../../shared/stats/rollup';
import { useApp } from '../../app/context';
import { periodLabel } from '../../components/periodLabel';
import { useChartDirection } from './chartDirection';
import type { DashboardData } from './useDashboardData';

/** The county's league–youth ratio over the periods of its rounds (approved figures). */
export function TrendChart({ data }: { data: DashboardData }) {
  const { t } = useTranslation('dashboard');
  const { lang } = useApp();
  const dir = useChartDirection();
  const periods = [...new Set(data.rounds.map((r) => r.period))];
  const rows = periods.map((period) => {
    const result = rollUp({ orgs: data.orgs, reports: data.reports, orgId: data.county!.id, period });
    return { period: periodLabel(period, t), ratio: result.ratio === null ? null : result.ratio * 100 };
  });
  const percent = (v: number) => formatPercent(v / 100, lang, 1, { bidi: 'plain' });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="trend-chart">
      <Typography variant="h6" component="h2">
        {t('trend.title')}
      </Typography>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 10, right: 20, bottom: 10, left: 20 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" {...dir.xAxis} tick={dir.tick} />
          <YAxis {...dir.yAxis} tickFormatter={percent} tick={dir.tick} domain={[0, 'auto']} />
          <Tooltip {...dir.tooltip} formatter={(value) => (typeof value === 'number' ? percent(value) : String(value))} />
          <Legend {...dir.legend} verticalAlign="top" />
          <Line dataKey="ratio" name={t('trend.ratio')} stroke="#b71c1c" strokeWidth={2} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Paper>
  );
}
