import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useStanding } from '../../app/useStanding';
import { CONTEST_TABLE, SCORE_TABLE } from '../../../../shared/contests/tables';
import type { Contest } from '../../../../shared/contests/rows';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { formatDate, formatInteger } from '../../../../shared/i18n/format';
import { useLanguage } from '../../app/context';
import { setRouteParams, useRouteParams } from '../../app/routes';
import { BilingualName } from '../../components/BilingualName';
import { CertificatesView } from './CertificatesView';
import { ContestFormDialog } from './ContestFormDialog';
import { EntriesView } from './EntriesView';
import { GalleryView } from './GalleryView';
import { JudgingView } from './JudgingView';
import { RankingView } from './RankingView';
import { useContestData, useContests } from './useContestData';

const VIEWS = ['entries', 'judging', 'ranking', 'certificates', 'gallery'] as const;
type View = (typeof VIEWS)[number];

/**
 * A judge's PC sits to score blind: it lists only the contests its certificate lets it score in,
 * and in them only the judging (entries, ranking, certificates and gallery name the entrants). Every
 * other PC sees every contest; what it may change there its rules decide.
 */
function useJudgeSeat(): { blind: boolean; scoresIn(contest: Contest): boolean } {
  const { standing, can } = useStanding();
  const blind = standing?.state === 'enrolled' && standing.role === 'judge';
  const scoresIn = (contest: Contest) => contest.judges.some((j) => can({ table: SCORE_TABLE.name, fields: { contestId: contest.id, judgeId: j.id } }));
  return { blind, scoresIn };
}

/** Contests: the list, and one contest's entries, blind judging, ranking, certificates and gallery (`?contest=…&view=…`). */
export function ContestsPage() {
  const params = useRouteParams();
  const contestId = params.get('contest');
  return contestId ? <ContestDetail contestId={contestId} view={(VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'entries'} /> : <ContestList />;
}

function ContestList() {
  const { t } = useTranslation('contests');
  const { lang } = useLanguage();
  const data = useContests();
  const [creating, setCreating] = useState(false);
  const mayRun = useStanding().canWriteTable(CONTEST_TABLE.name);
  const seat = useJudgeSeat();
  if (!data) return null;
  const contests = seat.blind ? data.contests.filter(seat.scoresIn) : data.contests;
  return (
    <Stack spacing={2} data-testid="contests">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h4" component="h1">
          {t('title')}
        </Typography>
        {mayRun ? (
          <Button variant="contained" disabled={data.countyCode === null} onClick={() => setCreating(true)} data-testid="contest-new">
            {t('list.new')}
          </Button>
        ) : null}
      </Stack>
      <ListTable
        count={contests.length}
        empty={t(seat.blind ? 'list.noneToJudge' : data.countyCode === null ? 'list.noCounty' : 'list.empty')}
        emptyTestId="contests-empty"
        columns={[
          { label: t('form.kind') },
          { label: t('list.name') },
          { label: t('form.opens') },
          { label: t('tabs.entries'), align: 'right' },
          {},
        ]}
      >
        {contests.map((c) => (
          <TableRow key={c.id} hover data-testid="contest-row">
            <TableCell>{t(`kinds.${c.kind}`)}</TableCell>
            <TableCell>
              <BilingualName text={c.title} lang={lang} />
            </TableCell>
            <TableCell>{t('list.window', { opens: formatDate(c.opens, lang), closes: formatDate(c.closes, lang) })}</TableCell>
            <TableCell align="right">{formatInteger(data.entryCounts.get(c.id) ?? 0, lang)}</TableCell>
            <TableCell align="right">
              <Button href={`#/contests?contest=${encodeURIComponent(c.id)}`} data-testid="contest-open">
                {t('list.open')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </ListTable>
      {creating && data.countyCode !== null && (
        <ContestFormDialog
          scope={data.countyCode}
          onClose={(id) => {
            setCreating(false);
            if (id) setRouteParams('contests', { contest: id });
          }}
        />
      )}
    </Stack>
  );
}

function ContestDetail({ contestId, view }: { contestId: string; view: View }) {
  const { t } = useTranslation('contests');
  const { lang } = useLanguage();
  const data = useContestData(contestId);
  const [editing, setEditing] = useState(false);
  // Contests are the county's to run; a judge's PC only scores.
  const mayRun = useStanding().canWriteTable(CONTEST_TABLE.name);
  const seat = useJudgeSeat();
  if (data === undefined) return null;
  if (data === null || (seat.blind && !seat.scoresIn(data.contest))) {
    return (
      <Stack spacing={2}>
        <Typography color="text.secondary">{t('list.notFound')}</Typography>
        <Button href="#/contests">{t('tabs.back')}</Button>
      </Stack>
    );
  }
  const views = seat.blind ? (['judging'] as const) : VIEWS.filter((v) => v !== 'gallery' || data.contest.kind === 'photo');
  const shown: View = (views as readonly View[]).includes(view) ? view : views[0]!;
  const scope = data.county?.code ?? 'LT';
  return (
    <Stack spacing={2} data-testid="contest-detail" data-kind={data.contest.kind}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} className="no-print">
        <Button href="#/contests" data-testid="contests-back">
          {t('tabs.back')}
        </Button>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          <BilingualName text={data.contest.title} lang={lang} /> · {t(`kinds.${data.contest.kind}`)}
        </Typography>
        {mayRun ? (
          <Button onClick={() => setEditing(true)} data-testid="contest-edit">
            {t('form.edit')}
          </Button>
        ) : null}
      </Stack>
      <Tabs value={shown} onChange={(_, v: View) => setRouteParams('contests', { contest: contestId, view: v })} className="no-print">
        {views.map((v) => (
          <Tab key={v} value={v} label={t(`tabs.${v}`)} data-testid={`contest-tab-${v}`} />
        ))}
      </Tabs>
      {shown === 'entries' && <EntriesView data={data} scope={scope} />}
      {shown === 'judging' && <JudgingView data={data} scope={scope} />}
      {shown === 'ranking' && <RankingView data={data} scope={scope} />}
      {shown === 'certificates' && <CertificatesView data={data} />}
      {shown === 'gallery' && <GalleryView data={data} />}
      {editing && <ContestFormDialog initial={data.contest} scope={scope} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
