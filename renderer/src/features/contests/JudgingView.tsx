import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasError } from '../../../../shared/contests/eligibility';
import type { Entry, Score } from '../../../../shared/contests/rows';
import { judgeProgress, judgeTotal } from '../../../../shared/contests/scoring';
import { formatInteger, formatNumber } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import { useLanguage, useNotify, useStore } from '../../app/context';
import { setRouteParams, useRouteParams } from '../../app/routes';
import { storeErrorKey } from '../../store/errors';
import { PhotoThumb } from './PhotoThumb';
import { useStanding } from '../../app/useStanding';
import { SCORE_TABLE } from '../../../../shared/contests/tables';
import { ScoreSheetButtons } from './ScoreSheetButtons';
import type { ContestData } from './useContestData';
import { scoreWrites } from '../../../../shared/contests/writes';

/**
 * Blind judging: entries by code only (never a name, township or phone). The judge types each
 * criterion's points and presses Enter to move on; Enter on the last one saves and opens the next
 * entry. Progress is per judge, and choosing a judge again resumes at their first unfinished entry.
 */
export function JudgingView({ data, scope }: { data: ContestData; scope: string }) {
  const { t } = useTranslation('contests');
  const { lang } = useLanguage();
  const params = useRouteParams();
  const { contest } = data;
  const { can } = useStanding();
  // A judge's PC scores only as the judges its certificate names; the county's as any.
  const judges = contest.judges.filter((j) => can({ table: SCORE_TABLE.name, fields: { contestId: contest.id, judgeId: j.id } }));
  // One judge to score as (a judge's PC, as its certificate names it): it is chosen already.
  const judgeId = params.get('judge') ?? (judges.length === 1 ? judges[0]!.id : '');
  const judge = judges.find((j) => j.id === judgeId);
  const toJudge = data.entries.filter((e) => !hasError(data.problems.get(e.id)));
  const progress = judgeProgress(contest, toJudge.map((e) => e.id), data.scores);
  const go = (patch: Record<string, string | undefined>) => setRouteParams('contests', { contest: contest.id, view: 'judging', judge: judgeId || undefined, ...patch });

  if (judges.length === 0) return <Typography color="text.secondary">{t('judging.noJudges')}</Typography>;
  if (toJudge.length === 0) return <Typography color="text.secondary">{t('judging.noEntries')}</Typography>;

  const mine = new Map(data.scores.filter((s) => s.judgeId === judgeId).map((s) => [s.entryId, s]));
  const finished = (e: Entry) => {
    const s = mine.get(e.id);
    return s !== undefined && judgeTotal(contest, s.points) !== null;
  };
  const requested = toJudge.findIndex((e) => e.code === params.get('at'));
  const firstOpen = toJudge.findIndex((e) => !finished(e));
  const index = requested >= 0 ? requested : firstOpen;

  return (
    <Stack spacing={2} data-testid="judging">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <TextField select size="small" label={t('judging.chooseJudge')} value={judge ? judgeId : ''} onChange={(e) => go({ judge: e.target.value, at: undefined })} sx={{ minWidth: 200 }} slotProps={{ htmlInput: { 'data-testid': 'judge-select' } }}>
          {judges.map((j) => (
            <MenuItem key={j.id} value={j.id} data-testid={`judge-option-${j.id}`}>
              {j.name}
            </MenuItem>
          ))}
        </TextField>
        {judges.map((j) => (
          <Chip
            key={j.id}
            data-testid="judge-progress"
            color={progress.get(j.id) === toJudge.length ? 'success' : 'default'}
            variant={j.id === judgeId ? 'filled' : 'outlined'}
            label={`${j.name} · ${t('judging.progress', { done: formatInteger(progress.get(j.id) ?? 0, lang), total: formatInteger(toJudge.length, lang) })}`}
          />
        ))}
        {judge && <ScoreSheetButtons data={data} judgeId={judge.id} scope={scope} entries={toJudge} />}
      </Stack>
      <Alert severity="info">{t('judging.blindNote')}</Alert>
      {judge && (
        <>
          <LinearProgress
            variant="determinate"
            value={(100 * (progress.get(judgeId) ?? 0)) / toJudge.length}
            aria-label={t('judging.progress', { done: formatInteger(progress.get(judgeId) ?? 0, lang), total: formatInteger(toJudge.length, lang) })}
          />
          {index < 0 ? (
            <Alert severity="success" data-testid="judging-done">
              {t('judging.done')}
            </Alert>
          ) : (
            <ScoringCard
              key={`${judgeId}:${toJudge[index]!.id}`}
              data={data}
              entry={toJudge[index]!}
              judgeId={judgeId}
              existing={mine.get(toJudge[index]!.id)}
              scope={scope}
              onPrevious={index > 0 ? () => go({ at: toJudge[index - 1]!.code }) : undefined}
              onNext={index < toJudge.length - 1 ? () => go({ at: toJudge[index + 1]!.code }) : undefined}
              onSaved={() => {
                // After saving: the next entry this judge has not finished, in code order after this one.
                const after = toJudge.findIndex((e, i) => i > index && !finished(e));
                go({ at: after >= 0 ? toJudge[after]!.code : '' });
              }}
            />
          )}
          <Typography variant="body2" color="text.secondary">
            {t('judging.keys')}
          </Typography>
        </>
      )}
    </Stack>
  );
}

function ScoringCard(props: {
  data: ContestData;
  entry: Entry;
  judgeId: string;
  existing: Score | undefined;
  scope: string;
  onPrevious?: () => void;
  onNext?: () => void;
  onSaved: () => void;
}) {
  const { data, entry, judgeId, existing, scope } = props;
  const { contest } = data;
  const { t } = useTranslation('contests');
  const store = useStore();
  const notify = useNotify();
  const { lang } = useLanguage();
  const [values, setValues] = useState<string[]>(() => contest.criteria.map((c) => (existing?.points[c.id] === undefined ? '' : String(existing.points[c.id]))));
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const parsed = values.map((v) => (v.trim() === '' ? undefined : Number(v.replace(',', '.'))));
  const invalid = parsed.map((p, i) => p !== undefined && (!Number.isFinite(p) || p < 0 || p > contest.criteria[i]!.max));
  const points: Record<string, number> = {};
  parsed.forEach((p, i) => {
    if (p !== undefined && !invalid[i]) points[contest.criteria[i]!.id] = p;
  });
  const total = judgeTotal(contest, points);

  async function save() {
    if (invalid.some(Boolean)) return;
    try {
      await store.repo.write(scoreWrites(contest.id, entry.id, judgeId, points, scope));
      if (total !== null) props.onSaved();
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    }
  }

  function onKey(i: number, event: React.KeyboardEvent) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (invalid[i]) return;
    const nextEmpty = values.findIndex((v, k) => k > i && v.trim() === '');
    if (i < contest.criteria.length - 1) inputs.current[nextEmpty >= 0 ? nextEmpty : i + 1]?.focus();
    else void save();
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="scoring-card" data-code={entry.code}>
      <Typography variant="h5" component="h2" data-testid="judging-code">
        {t('judging.entry', { code: entry.code })}
      </Typography>
      {/* The entry's title is no heading (subtitle1 would make it an h6, below the h2 of its code). */}
      <Typography variant="subtitle1" component="p" sx={{ mb: 1 }}>
        <bdi>{entry.title}</bdi>
      </Typography>
      {contest.kind === 'essay' && (
        <Box dir="auto" sx={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflowY: 'auto', p: 1, bgcolor: 'action.hover', borderRadius: 1, mb: 2 }} data-testid="judging-text">
          {entry.text}
        </Box>
      )}
      {contest.kind === 'photo' && (
        <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap', gap: 1 }}>
          {(entry.photos ?? []).map((p) => (
            <PhotoThumb key={p.original} photo={p} size={320} full />
          ))}
        </Stack>
      )}
      {contest.kind === 'speech' && <Alert severity="info" sx={{ mb: 2 }}>{t('judging.speechNotes')}</Alert>}
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        {contest.criteria.map((c, i) => (
          <TextField
            key={c.id}
            label={`${pickText(c.name, lang).text} (0–${c.max})`}
            value={values[i]}
            error={invalid[i]}
            helperText={invalid[i] ? t('judging.outOfRange', { max: formatInteger(c.max, lang) }) : ' '}
            onChange={(e) => setValues((vs) => vs.map((v, k) => (k === i ? e.target.value : v)))}
            onKeyDown={(e) => onKey(i, e)}
            inputRef={(el: HTMLInputElement | null) => {
              inputs.current[i] = el;
            }}
            autoFocus={i === 0}
            size="small"
            sx={{ width: 180 }}
            slotProps={{ htmlInput: { inputMode: 'decimal', dir: 'ltr', 'data-testid': `score-${i}` } }}
          />
        ))}
      </Stack>
      <Typography sx={{ my: 1 }} data-testid="judging-total">
        {total === null ? ' ' : t('judging.total', { total: formatNumber(total, lang, { maximumFractionDigits: 2 }) })}
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button onClick={props.onPrevious} disabled={!props.onPrevious}>
          {t('judging.previous')}
        </Button>
        <Button onClick={props.onNext} disabled={!props.onNext}>
          {t('judging.next')}
        </Button>
        <Button variant="contained" onClick={save} disabled={invalid.some(Boolean)} data-testid="score-save">
          {t('judging.saveNext')}
        </Button>
      </Stack>
    </Paper>
  );
}
