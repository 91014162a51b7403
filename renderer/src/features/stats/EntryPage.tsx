import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roundColumns, type AnyFigure, type Figure, type ReportingRound } from '../../../../shared/domain/stats';
import { pickText } from '../../../../shared/i18n/lang';
import { previousPeriod } from '../../../../shared/domain/period';
import { enteredTotals, entryOrgs, entryRound, entryUnits } from '../../../../shared/stats/model';
import { indexTargets, targetRatioFor } from '../../../../shared/stats/targets';
import { parseFigureInput, validateReport, type Issue } from '../../../../shared/stats/validation';
import { editRefusal, type ReviewAction } from '../../../../shared/stats/workflow';
import { figureWrites, noteWrites, reviewWrites, type ReportTarget } from '../../../../shared/stats/writes';
import { useApp } from '../../app/context';
import { setRouteParams, useRouteParams } from '../../app/routes';
import { useStatsWrite } from '../../app/useStatsWrite';
import { useStatsModel } from '../../store/statsModel';
import { withWrittenUnderId } from '../../store/statsWrites';
import { CellDetails } from './CellDetails';
import { EntryGrid, type CellAddress, type GridRow } from './EntryGrid';
import { periodLabel } from '../../components/periodLabel';
import { useRoundReports } from './useStatsData';

/** The county's review actions that need a comment the township will read. */
type CommentedAction = Extract<ReviewAction, 'return' | 'reopen'>;

/**
 * A township's figures for one round: the officer enters and submits; the county approves or
 * returns with a comment. Every cell is saved as it is left; text that is not a valid figure stays
 * in the cell with its message and is not saved, so nothing typed is lost.
 */
export function EntryPage() {
  const { t } = useTranslation('stats');
  const { store, lang, notify } = useApp();
  const params = useRouteParams();
  const data = useStatsModel(store.db, { reports: false });
  const writeStats = useStatsWrite();
  const round: ReportingRound | undefined = data && entryRound(data.rounds, params.get('round'));
  const reports = useRoundReports(store.db, round?.id);
  // Warnings compare with the same organisation's report for the period before.
  const previousRound = round ? data?.rounds.find((r) => r.period === previousPeriod(round.period)) : undefined;
  const previousReports = useRoundReports(store.db, previousRound?.id);
  const [drafts, setDrafts] = useState<Map<string, string>>(new Map());
  const [focused, setFocused] = useState<CellAddress | null>(null);
  const [commenting, setCommenting] = useState<{ row: GridRow; action: CommentedAction } | null>(null);
  const [comment, setComment] = useState('');

  const units = useMemo(() => (data && round ? entryUnits(data, round) : []), [data, round]);
  const unit = units.find((u) => u.id === params.get('unit')) ?? units[0];
  const orgs = useMemo(() => (data && round && unit ? entryOrgs(data, round, unit.id) : []), [data, round, unit]);
  // The grid's columns: the round's figures, each split figure followed by male and female when the round asks.
  const figures: AnyFigure[] = useMemo(() => (round ? roundColumns(round) : []), [round]);

  // Rows are rebuilt only when what they show changed: typing in one cell rebuilds (and re-renders)
  // one row of a 300-branch township, not all of them.
  const rowCache = useRef(new Map<string, { inputs: unknown[]; row: GridRow }>());
  // Its own memo: the row cache compares inputs by identity, so an index rebuilt on every keystroke
  // would invalidate every row (it did: the whole grid re-rendered and re-validated per key).
  const targets = useMemo(() => (data ? indexTargets(data.targets) : null), [data]);
  const rows: GridRow[] = useMemo(() => {
    if (!round) return [];
    const cache = rowCache.current;
    return orgs.map((org) => {
      const report = reports?.get(org.id);
      const previous = previousReports?.get(org.id);
      const draftTexts = figures.map((f) => drafts.get(`${org.id}|${f}`));
      const inputs = [report, previous, round, figures, targets, ...draftTexts];
      const hit = cache.get(org.id);
      if (hit && hit.inputs.length === inputs.length && hit.inputs.every((v, i) => v === inputs[i])) return hit.row;
      const cells: Partial<Record<AnyFigure, string>> = {};
      const values: Partial<Record<AnyFigure, number | null>> = {};
      const parseIssues: Issue[] = [];
      figures.forEach((f, i) => {
        const draft = draftTexts[i];
        const saved = report?.[f];
        cells[f] = draft ?? (saved === null || saved === undefined ? '' : String(saved));
        const parsed = draft === undefined ? { ok: true as const, value: saved ?? null } : parseFigureInput(draft);
        if (parsed.ok) values[f] = parsed.value;
        else parseIssues.push({ figure: f, severity: 'error', code: parsed.code });
      });
      const issues = [
        ...parseIssues,
        ...validateReport(values, { previous, targetRatio: targets ? targetRatioFor(org, targets, data!.orgById) : null, changeThreshold: round.changeThreshold, changeFloor: round.changeFloor }),
      ];
      const row: GridRow = { org, report, cells, values, issues, editable: editRefusal(round, report) === null };
      cache.set(org.id, { inputs, row });
      return row;
    });
  }, [orgs, reports, previousReports, figures, drafts, round, data, targets]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;

  // The totals row: the one roll-up (shared/stats/model.ts), over what the rows hold now.
  const totals = useMemo(() => (data && round && unit ? enteredTotals(data.orgs, unit.id, round.period, rows).figures : null), [data, round, unit, rows]);

  /** The rows' reports as the write commands take them (with what old ids need: store/statsWrites.ts). */
  const targetsOf = useCallback((gridRows: readonly GridRow[]): Promise<ReportTarget[]> => withWrittenUnderId(store.db, gridRows.map((r) => ({ round: round!, org: r.org, report: r.report }))), [store, round]);

  const commitCells = useCallback(
    async (cells: { row: number; figure: AnyFigure; text: string }[]) => {
      const rows = rowsRef.current;
      const byRow = new Map<number, Partial<Record<AnyFigure, number | null>>>();
      const saved: string[] = [];
      for (const { row, figure, text } of cells) {
        const r = rows[row];
        if (!r || !r.editable) continue;
        const parsed = parseFigureInput(text);
        if (!parsed.ok) continue; // stays a draft, with its message
        saved.push(`${r.org.id}|${figure}`);
        byRow.set(row, { ...byRow.get(row), [figure]: parsed.value });
      }
      const targets = await targetsOf([...byRow.keys()].map((row) => rows[row]!));
      const results = [...byRow.values()].map((values, i) => figureWrites(targets[i]!, values));
      const writes = results.flatMap((r) => (r.ok ? r.writes : []));
      if (await writeStats({ ok: true, writes })) {
        setDrafts((d) => {
          const next = new Map(d);
          for (const key of saved) next.delete(key);
          return next;
        });
      }
    },
    [targetsOf, writeStats],
  );

  // Handlers read the latest rows and drafts through refs, so they stay the same function and the
  // memoized grid rows that receive them do not re-render on every keystroke.
  const onCellChange = useCallback(
    (row: number, figure: AnyFigure, text: string) => setDrafts((d) => new Map(d).set(`${rowsRef.current[row]!.org.id}|${figure}`, text)),
    [],
  );
  const onCellCommit = useCallback(
    (row: number, figure: AnyFigure) => {
      const text = draftsRef.current.get(`${rowsRef.current[row]!.org.id}|${figure}`);
      if (text !== undefined) void commitCells([{ row, figure, text }]);
    },
    [commitCells],
  );
  const onPasteBlock = useCallback(
    (at: CellAddress, block: string[][]) => {
      const rows = rowsRef.current;
      const cells: { row: number; figure: AnyFigure; text: string }[] = [];
      block.forEach((line, i) =>
        line.forEach((text, j) => {
          const figure = figures[at.col + j];
          if (figure && at.row + i < rows.length) cells.push({ row: at.row + i, figure, text: text.trim() });
        }),
      );
      setDrafts((d) => {
        const next = new Map(d);
        for (const c of cells) next.set(`${rows[c.row]!.org.id}|${c.figure}`, c.text);
        return next;
      });
      void commitCells(cells);
    },
    [figures, commitCells],
  );

  async function review(gridRows: readonly GridRow[], action: ReviewAction, note?: string): Promise<boolean> {
    const targets = await targetsOf(gridRows);
    const results = targets.map((target) => reviewWrites(target, action, { now: new Date(), ...(note === undefined ? {} : { comment: note }) }));
    // One report: its refusal is the message. Several (approve all): the ones that can go, go.
    const result = results.length === 1 ? results[0]! : { ok: true as const, writes: results.flatMap((r) => (r.ok ? r.writes : [])) };
    if (!(await writeStats(result))) return false;
    notify({ severity: 'success', key: `stats:workflow.done.${action}` });
    return true;
  }

  async function submitAll() {
    const started = rows.filter((r) => r.report && r.editable);
    const targets = await targetsOf(started);
    // Submission also needs every figure the round asks for.
    const results = targets.map((target, i) =>
      reviewWrites(target, 'submit', { now: new Date(), issues: [...started[i]!.issues, ...validateReport(started[i]!.values, { required: figures })] }),
    );
    const writes = results.flatMap((r) => (r.ok ? r.writes : []));
    // Rows nobody has started are not "blocked": only started reports that cannot go yet are.
    const blocked = results.filter((r) => !r.ok).length;
    if (!(await writeStats({ ok: true, writes }))) return;
    notify({ severity: blocked ? 'warning' : 'success', key: 'stats:workflow.submitted', values: { count: writes.length, blocked } });
  }

  const reviewRef = useRef(review);
  reviewRef.current = review;
  const onApprove = useCallback((row: number) => void reviewRef.current([rowsRef.current[row]!], 'approve'), []);
  const onComment = useCallback((row: number, action: CommentedAction) => {
    setComment('');
    setCommenting({ row: rowsRef.current[row]!, action });
  }, []);

  if (!data) return null;
  if (!round || !unit || !totals) {
    return (
      <Typography color="text.secondary" data-testid="entry-empty">
        {t('entry.noRound')}
      </Typography>
    );
  }
  const focusedRow = focused ? rows[focused.row] : undefined;
  const focusedFigure = focused ? figures[focused.col] : undefined;
  const submitted = rows.filter((r) => r.report?.status === 'submitted');

  return (
    <Stack spacing={2} data-testid="entry">
      <Typography variant="h4" component="h1">
        {t('entry.title')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField select size="small" label={t('entry.round')} value={round.id} onChange={(e) => setRouteParams('entry', { round: e.target.value })} sx={{ minWidth: 220 }} slotProps={{ htmlInput: { 'data-testid': 'entry-round' } }}>
          {data.rounds.map((r) => (
            <MenuItem key={r.id} value={r.id}>
              {periodLabel(r.period, t)} · {t(`rounds.statuses.${r.status}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('entry.unit')} value={unit.id} onChange={(e) => setRouteParams('entry', { round: round.id, unit: e.target.value })} sx={{ minWidth: 260 }} slotProps={{ htmlInput: { 'data-testid': 'entry-unit' } }}>
          {units.map((u) => (
            <MenuItem key={u.id} value={u.id} data-code={u.code}>
              {pickText(u.name, lang).text}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" onClick={submitAll} disabled={round.status !== 'open'} data-testid="submit-all">
          {t('entry.submitAll')}
        </Button>
        {submitted.length > 0 ? (
          <Button variant="outlined" color="success" data-testid="approve-all" onClick={() => void review(submitted, 'approve')}>
            {t('review.approveAll', { count: submitted.length })}
          </Button>
        ) : null}
      </Stack>
      {round.status !== 'open' ? <Alert severity="info">{t('entry.closed')}</Alert> : null}
      {rows.some((r) => r.report?.status === 'returned') ? (
        <Alert severity="warning" data-testid="returned-note">
          {rows
            .filter((r) => r.report?.status === 'returned')
            .map((r) => t('entry.returned', { code: r.org.code, comment: r.report?.returnComment ?? '' }))
            .join(' · ')}
        </Alert>
      ) : null}
      <EntryGrid
        rows={rows}
        figures={figures}
        lang={lang}
        totals={totals}
        onCellChange={onCellChange}
        onCellCommit={onCellCommit}
        onPasteBlock={onPasteBlock}
        onFocusCell={setFocused}
        onApprove={onApprove}
        onComment={onComment}
      />
      {focusedRow && focusedFigure ? (
        <CellDetails
          row={focusedRow}
          figure={focusedFigure}
          roundId={round.id}
          onNote={async (text) => {
            const [target] = await targetsOf([focusedRow]);
            // Comments answer warnings, which only the totals have (CellDetails offers none on a sex figure).
            void writeStats(noteWrites(target!, focusedFigure as Figure, text));
          }}
        />
      ) : null}
      {commenting ? (
        <Dialog open onClose={() => setCommenting(null)} maxWidth="sm" fullWidth aria-labelledby="comment-title">
          <DialogTitle id="comment-title">{t(`review.${commenting.action}Title`)}</DialogTitle>
          <DialogContent>
            <Typography color="text.secondary">
              <bdi dir="ltr">{commenting.row.org.code}</bdi> {pickText(commenting.row.org.name, lang).text}
            </Typography>
            <TextField autoFocus fullWidth multiline minRows={2} label={t('review.comment')} value={comment} onChange={(e) => setComment(e.target.value)} sx={{ mt: 1 }} slotProps={{ htmlInput: { 'data-testid': 'return-comment' } }} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setCommenting(null)}>{t('cancel')}</Button>
            <Button
              variant="contained"
              color="warning"
              disabled={comment.trim() === ''}
              data-testid="return-confirm"
              onClick={async () => {
                if (await review([commenting.row], commenting.action, comment.trim())) setCommenting(null);
              }}
            >
              {t(`review.${commenting.action}`)}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </Stack>
  );
}
