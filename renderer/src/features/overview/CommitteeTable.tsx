import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../shared/domain/org';
import type { StatReport } from '../../../../shared/domain/stats';
import { formatInteger, formatPercent } from '../../../../shared/i18n/format';
import { reportsByCommittee } from '../../../../shared/stats/committees';
import { leagueYouthRatio, sumFigures } from '../../../../shared/stats/totals';
import { useApp } from '../../app/context';
import { BilingualName } from '../../components/BilingualName';

/** One row per committee directly under the county, with its subtree's approved figures. */
export function CommitteeTable({ orgs, rootId, reports }: { orgs: Org[]; rootId: string; reports: StatReport[] }) {
  const { t } = useTranslation('overview');
  const { lang } = useApp();
  const byCommittee = reportsByCommittee(orgs, rootId, reports);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const rows = [...byCommittee]
    .map(([id, list]) => ({ org: orgById.get(id)!, totals: sumFigures(list) }))
    .sort((a, b) => (a.org.code < b.org.code ? -1 : 1));
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
            {rows.map(({ org, totals }) => {
              const ratio = leagueYouthRatio(totals.members, totals.youth1428);
              return (
                <TableRow key={org.id} data-code={org.code}>
                  <TableCell>
                    <BilingualName text={org.name} lang={lang} />
                  </TableCell>
                  <TableCell>{t(`common:orgKind.${org.kind}`)}</TableCell>
                  <TableCell align="right">{formatInteger(totals.members, lang)}</TableCell>
                  <TableCell align="right">{formatInteger(totals.youth1428, lang)}</TableCell>
                  <TableCell align="right">{ratio === null ? '—' : formatPercent(ratio, lang, 1)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
