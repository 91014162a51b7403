import { useTheme } from '@mui/material/styles';
import { fitLabel } from '../../../shared/text/fitLabel';

/**
 * recharts draws SVG and knows nothing of right to left. In Uyghur the category axis runs from the
 * right (reversed), the value axis stands on the right, and tooltips and legends read right to
 * left; SVG text gets the app's font so Uyghur is shaped like everywhere else. SVG text follows
 * the page's CSS direction, so a text-anchor of "end" is the text's left end in right to left:
 * slanted category labels use "end" in both directions and only the angle is mirrored. The value
 * axis on the right in Uyghur anchors its labels at their left end too, so they stand outside the
 * plot instead of under the bars. Category labels are shortened to fit the room under the axis
 * (`categoryLabel`); the tooltip carries the whole name.
 */
export function useChartDirection() {
  const theme = useTheme();
  const rtl = theme.direction === 'rtl';
  return {
    rtl,
    xAxis: { reversed: rtl },
    yAxis: { orientation: (rtl ? 'right' : 'left') as 'right' | 'left' },
    tooltip: { wrapperStyle: { direction: theme.direction, fontFamily: theme.typography.fontFamily } },
    legend: { wrapperStyle: { direction: theme.direction, fontFamily: theme.typography.fontFamily }, align: (rtl ? 'right' : 'left') as 'right' | 'left' },
    tick: { fontFamily: theme.typography.fontFamily, fontSize: 12 },
    valueTick: { fontFamily: theme.typography.fontFamily, fontSize: 12, ...(rtl ? { textAnchor: 'end' as const } : {}) },
    /** Slanted category labels: at most `maxEm` ems long (12 px type), in room the axis reserves for them. */
    categoryLabel: (maxEm: number) => (value: unknown) => fitLabel(String(value), maxEm),
  };
}
