import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatInteger, formatPercent } from '../../../../shared/i18n/format';
import type { SummaryLine } from '../../../../shared/stats/report/countySummary';
import { useLanguage } from '../../app/context';
import { BilingualName } from '../../components/BilingualName';

/** One row per committee directly under the county: the county summary's lines (approved figures). */
export function CommitteeTable({ lines }: { lines: readonly SummaryLine[] }) {
  const { t } = useTranslation('overview');
  const { lang } = useLanguage();
  return (
    <Paper variant="outlined">
      <Typography variant="h6" component="h2" sx={{ p: 2, pb: 0 }}>
        {t('committees.title')}
      </Typography>
      <TableContainer>
        <Table size="small" data-testid="committee-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('committees.name')}</TableCell>
              <TableCell>{t('committees.kind')}</TableCell>
              <TableCell align="right">{t('totals.members')}</TableCell>
              <TableCell align="right">{t('totals.youth1428')}</TableCell>
              <TableCell align="right">{t('totals.ratio')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={line.code} data-code={line.code}>
                <TableCell>
                  <BilingualName text={line.name} lang={lang} />
                </TableCell>
                <TableCell>{t(`common:orgKind.${line.kind}`)}</TableCell>
                <TableCell align="right">{formatInteger(line.members, lang)}</TableCell>
                <TableCell align="right">{formatInteger(line.youth1428, lang)}</TableCell>
                <TableCell align="right">{line.leagueYouthRatio === null ? '—' : formatPercent(line.leagueYouthRatio, lang, 1)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
