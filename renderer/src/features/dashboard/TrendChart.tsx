import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../../../shared/i18n/format';
import { countyTrend } from '../../../../shared/stats/report/countySummary';
import type { StatsModel } from '../../../../shared/stats/model';
import { useLanguage } from '../../app/context';
import { periodLabel } from '../../components/periodLabel';
import { useChartDirection } from '../../components/chartDirection';

const COLOR = '#b71c1c';

/**
 * The county's league–youth ratio over the periods of its rounds (approved figures, each point the
 * county summary of its period). A period whose round does not yet stand for the county is drawn
 * apart: a dashed line to a hollow point, named in the legend, never as if it were whole.
 */
export function TrendChart({ model }: { model: StatsModel }) {
  const { t } = useTranslation('dashboard');
  const { lang } = useLanguage();
  const theme = useTheme();
  const dir = useChartDirection();
  const points = countyTrend(model);
  const percentOf = (ratio: number | null) => (ratio === null ? null : ratio * 100);
  // Two series: whole periods (solid), and partial ones joined to their neighbours (dashed).
  const rows = points.map((p, i) => {
    const nearPartial = p.partial || points[i - 1]?.partial === true || points[i + 1]?.partial === true;
    return {
      period: periodLabel(p.period, t),
      partialPoint: p.partial,
      whole: p.partial ? null : percentOf(p.ratio),
      partial: nearPartial ? percentOf(p.ratio) : null,
    };
  });
  const anyPartial = points.some((p) => p.partial);
  const percent = (v: number) => formatPercent(v / 100, lang, 1, { bidi: 'plain' });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="trend-chart" data-partial-periods={points.filter((p) => p.partial).map((p) => p.period).join(' ')}>
      <Typography variant="h6" component="h2">
        {t('trend.title')}
      </Typography>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 10, right: 20, bottom: 10, left: 20 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" {...dir.xAxis} tick={dir.tick} />
          <YAxis {...dir.yAxis} tickFormatter={percent} tick={dir.valueTick} domain={[0, 'auto']} />
          <Tooltip {...dir.tooltip} formatter={(value) => (typeof value === 'number' ? percent(value) : String(value))} />
          <Legend {...dir.legend} verticalAlign="top" />
          <Line dataKey="whole" name={t('trend.ratio')} stroke={COLOR} strokeWidth={2} dot={{ r: 4, fill: COLOR, stroke: COLOR }} isAnimationActive={false} />
          {anyPartial ? (
            <Line
              dataKey="partial"
              name={t('trend.partial')}
              stroke={COLOR}
              strokeWidth={2}
              strokeDasharray="6 4"
              isAnimationActive={false}
              legendType="plainline"
              dot={(props: { cx?: number; cy?: number; index?: number; payload?: { partialPoint: boolean } }) =>
                props.payload?.partialPoint && props.cx !== undefined && props.cy !== undefined ? (
                  <circle key={props.index} cx={props.cx} cy={props.cy} r={5} fill={theme.palette.background.paper} stroke={COLOR} strokeWidth={2} data-testid="trend-partial-point" />
                ) : (
                  <g key={props.index} />
                )
              }
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
      {anyPartial ? (
        <Typography variant="body2" color="text.secondary" data-testid="trend-partial-note">
          {t('stats:headline.trendPartial')}
        </Typography>
      ) : null}
    </Paper>
  );
}
