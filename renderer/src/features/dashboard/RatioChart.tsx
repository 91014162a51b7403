import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
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
  const axisPercent = (v: number) => formatPercent(v / 100, lang, 0, { bidi: 'plain' });
  // The tooltip gives a ratio as the tables do: one decimal.
  const percent = (v: number) => formatPercent(v / 100, lang, 1, { bidi: 'plain' });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="ratio-chart">
      <Typography variant="h6" component="h2">
        {t('ratio.title')}
      </Typography>
      <ResponsiveContainer width="100%" height={320}>
        <ComposedChart data={rows} margin={{ top: 10, right: 10, bottom: 10, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" {...dir.xAxis} interval={0} angle={dir.rtl ? 35 : -35} textAnchor="end" tick={dir.tick} height={110} tickFormatter={dir.categoryLabel(13)} />
          <YAxis {...dir.yAxis} tickFormatter={axisPercent} tick={dir.valueTick} />
          <Tooltip {...dir.tooltip} formatter={(value) => (typeof value === 'number' ? percent(value) : String(value))} />
          <Legend {...dir.legend} verticalAlign="top" />
          <Bar dataKey="ratio" name={t('ratio.actual')} fill="#b71c1c" isAnimationActive={false} />
          {/* The control ratio as marks without a line: one tooltip entry per committee, no axis-value line. */}
          <Line dataKey="target" name={t('ratio.target')} stroke="#1565c0" strokeWidth={0} legendType="circle" dot={{ r: 5, fill: '#1565c0', stroke: '#1565c0' }} activeDot={{ r: 6, fill: '#1565c0' }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </Paper>
  );
}
