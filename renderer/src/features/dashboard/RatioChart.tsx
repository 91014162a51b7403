import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import type { CountySummary } from '../../../../shared/stats/report/countySummary';
import { useLanguage } from '../../app/context';
import { useChartDirection } from '../../components/chartDirection';

/** League–youth ratio of each committee under the county (the county summary's lines), with its control ratio where one is set. */
export function RatioChart({ summary }: { summary: CountySummary }) {
  const { t } = useTranslation('dashboard');
  const { lang } = useLanguage();
  const dir = useChartDirection();
  const rows = summary.committees.map((line) => ({
    name: pickText(line.name, lang).text,
    ratio: line.leagueYouthRatio === null ? null : line.leagueYouthRatio * 100,
    target: line.target === null ? null : line.target * 100,
  }));
  const percent = (v: number) => formatPercent(v / 100, lang, 0, { bidi: 'plain' });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="ratio-chart">
      <Typography variant="h6" component="h2">
        {t('ratio.title')}
      </Typography>
      <ResponsiveContainer width="100%" height={320}>
        <ComposedChart data={rows} margin={{ top: 10, right: 10, bottom: 70, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" {...dir.xAxis} interval={0} angle={dir.rtl ? 35 : -35} textAnchor="end" tick={dir.tick} />
          <YAxis {...dir.yAxis} tickFormatter={percent} tick={dir.tick} />
          <Tooltip {...dir.tooltip} formatter={(value) => (typeof value === 'number' ? percent(value * 1) : String(value))} />
          <Legend {...dir.legend} verticalAlign="top" />
          <Bar dataKey="ratio" name={t('ratio.actual')} fill="#b71c1c" isAnimationActive={false} />
          <Scatter dataKey="target" name={t('ratio.target')} fill="#1565c0" shape="diamond" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </Paper>
  );
}
