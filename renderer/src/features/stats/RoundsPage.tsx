import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import type { ReportingRound } from '../../../../shared/domain/stats';
import { formatDate, formatInteger } from '../../../../shared/i18n/format';
import { roundStatusWrites } from '../../../../shared/stats/writes';
import { useLanguage } from '../../app/context';
import { useStatsWrite } from '../../app/useStatsWrite';
import { useStatsData } from './useStatsData';
import { useStanding } from '../../app/useStanding';
import { ROUND_TABLE } from '../../../../shared/stats/tables';
import { OpenRoundDialog } from './OpenRoundDialog';
import { periodLabel } from '../../components/periodLabel';

/** The county's reporting rounds: open one, see how far each has got, close it. */
export function RoundsPage() {
  const { t } = useTranslation('stats');
  const { lang } = useLanguage();
  const data = useStatsData();
  const writeStats = useStatsWrite();
  const counts = useMemo(() => {
    const byRound = new Map<string, { submitted: number; approved: number }>();
    for (const r of data?.reports ?? []) {
      const c = byRound.get(r.roundId) ?? { submitted: 0, approved: 0 };
      if (r.status === 'submitted') c.submitted += 1;
      if (r.status === 'approved') c.approved += 1;
      byRound.set(r.roundId, c);
    }
    return byRound;
  }, [data]);
  const [opening, setOpening] = useState(false);
  // Rounds are the county's: elsewhere the list is for reading.
  const mayOpen = useStanding().canWriteTable(ROUND_TABLE.name);

  if (!data) return null;
  const county = data.county;

  async function setStatus(round: ReportingRound, status: 'open' | 'closed') {
    await writeStats(roundStatusWrites(county, round, status));
  }

  return (
    <Stack spacing={2} data-testid="rounds">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h4" component="h1">
          {t('rounds.title')}
        </Typography>
        {mayOpen ? (
          <Button variant="contained" disabled={!county} onClick={() => setOpening(true)} data-testid="open-round">
            {t('rounds.openAction')}
          </Button>
        ) : null}
      </Stack>
      <ListTable
        count={data.rounds.length}
        empty={t(county ? 'rounds.none' : 'rounds.noCounty')}
        emptyTestId="rounds-empty"
        columns={[
          { label: t('rounds.period') },
          { label: t('rounds.deadline') },
          { label: t('rounds.expected'), align: 'right' },
          { label: t('rounds.submitted'), align: 'right' },
          { label: t('rounds.approved'), align: 'right' },
          { label: t('rounds.status') },
          {},
        ]}
      >
        {data.rounds.map((round) => {
          const c = counts.get(round.id) ?? { submitted: 0, approved: 0 };
          return (
            <TableRow key={round.id} data-testid="round-row" data-period={round.period}>
              <TableCell>
                {periodLabel(round.period, t)}
                {round.bySex ? <Chip size="small" variant="outlined" label={t('rounds.bySexMark')} sx={{ mx: 1 }} data-testid="round-by-sex-mark" /> : null}
              </TableCell>
              <TableCell>{formatDate(round.deadline, lang)}</TableCell>
              <TableCell align="right">{formatInteger(round.orgIds.length, lang)}</TableCell>
              <TableCell align="right">{formatInteger(c.submitted, lang)}</TableCell>
              <TableCell align="right">{formatInteger(c.approved, lang)}</TableCell>
              <TableCell>
                <Chip size="small" color={round.status === 'open' ? 'success' : 'default'} label={t(`rounds.statuses.${round.status}`)} />
              </TableCell>
              <TableCell align="right">
                <Button size="small" href={`#/entry?round=${encodeURIComponent(round.id)}`} data-testid="round-enter">
                  {t('rounds.enter')}
                </Button>
                {mayOpen ? (
                  <Button size="small" onClick={() => setStatus(round, round.status === 'open' ? 'closed' : 'open')} data-testid="round-toggle">
                    {t(round.status === 'open' ? 'rounds.close' : 'rounds.reopen')}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </ListTable>
      {opening && county ? <OpenRoundDialog orgs={data.orgs} county={county} onClose={() => setOpening(false)} /> : null}
    </Stack>
  );
}
