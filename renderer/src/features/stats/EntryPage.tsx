import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../shared/domain/org';
import { roundColumns, type AnyFigure, type Figure, type ReportingRound, type StatReport } from '../../../../shared/domain/stats';
import { pickText } from '../../../../shared/i18n/lang';
import { previousPeriod } from '../../../../shared/domain/period';
import { enteredTotals, entryOrgs, entryRound, entryUnits } from '../../../../shared/stats/model';
import { indexTargets, targetRatioFor, type TargetIndex } from '../../../../shared/stats/targets';
import type { FigureValues } from '../../../../shared/stats/totals';
import { parseFigureInput, submissionBlockers, validateReport, type Issue } from '../../../../shared/stats/validation';
import { editRefusal, type ReviewAction } from '../../../../shared/stats/workflow';
import type { EditStep } from '../../../../shared/stats/undo';
import { useLanguage, useNotify } from '../../app/context';
import { setRouteParams, useRouteParams } from '../../app/routes';
import { useStanding } from '../../app/useStanding';
import { STAT_REPORT_TABLE } from '../../../../shared/stats/tables';
import { isWithinScope } from '../../../../shared/sync/scope';
import { BlockedReports, type BlockedReport } from './BlockedReports';
import { CellDetails } from './CellDetails';
import { cellId, EntryGrid, type CellAddress, type GridRow } from './EntryGrid';
import { periodLabel } from '../../components/periodLabel';
import { UndoButtons } from './UndoButtons';
import { useFitToWindow } from './useFitToWindow';
import { useGridWrites, type FigureValuesByOrg } from './useGridWrites';
import { useRoundReports, useStatsData } from './useStatsData';
import { EmptyPage } from '../../components/EmptyPage';

/** The county's review actions that need a comment the township will read. */
type CommentedAction = Extract<ReviewAction, 'return' | 'reopen'>;

/** The side panel's width: room for a comment and a history line beside a grid that still shows its figures. */
const PANEL_WIDTH = 280;

/**
 * A township's figures for one round: the officer enters and submits; the county approves or
 * returns with a comment. Every cell is saved as it is left; text that is not a valid figure stays
 * in the cell with its message and is not saved, so nothing typed is lost. Ctrl+Z undoes a saved
 * cell or a pasted block, Ctrl+Y redoes it.
 *
 * The page fits the window: the grid scrolls inside its own box, and the selected cell's details
 * (messages, comment, history) stand beside it.
 */
export function EntryPage() {
  const { t } = useTranslation('stats');
  const { lang } = useLanguage();
  const notify = useNotify();
  const params = useRouteParams();
  const data = useStatsData({ reports: false });
  const round: ReportingRound | undefined = data && entryRound(data.rounds, params.get('round'));
  const reports = useRoundReports(round?.id);
  // Warnings compare with the same organisation's report for the period before.
  const previousRound = round ? data?.rounds.find((r) => r.period === previousPeriod(round.period)) : undefined;
  const previousReports = useRoundReports(previousRound?.id);
  const [drafts, setDrafts] = useState<Map<string, string>>(new Map());
  const [focused, setFocused] = useState<CellAddress | null>(null);
  const [commenting, setCommenting] = useState<{ row: GridRow; action: CommentedAction } | null>(null);
  const [comment, setComment] = useState('');
  const [showBlocked, setShowBlocked] = useState(false);

  const units = useMemo(() => (data && round ? entryUnits(data, round) : []), [data, round]);
  const { can, standing } = useStanding();
  // A township PC opens on its own township's reports.
  const own = standing?.state === 'enrolled' ? units.find((u) => isWithinScope(standing.scope, u.code)) : undefined;
  const unit = units.find((u) => u.id === params.get('unit')) ?? own ?? units[0];
  const orgs = useMemo(() => (data && round && unit ? entryOrgs(data, round, unit.id) : []), [data, round, unit]);
  // The grid's columns: the round's figures, each split figure followed by male and female when the round asks.
  const figures: AnyFigure[] = useMemo(() => (round ? roundColumns(round) : []), [round]);
  const writes = useGridWrites(round, data?.orgById, unit?.id);
  useEffect(() => {
    setShowBlocked(false);
    setFocused(null);
  }, [round?.id, unit?.id]);

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
      const inputs = [report, previous, round, figures, targets, can, ...draftTexts];
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
      const issues = [...parseIssues, ...reportIssues(round, org, values, previous, targets, data!.orgById)];
      // What this PC may write here: the rules its writes are decided by (a township its own scope, never a review).
      const held = report ?? { orgId: org.id };
      const editable = editRefusal(round, report) === null && can({ table: STAT_REPORT_TABLE.name, fields: { orgId: org.id, members: 0 }, before: report });
      const reviewable = can({ table: STAT_REPORT_TABLE.name, fields: { status: 'approved' }, before: held });
      const row: GridRow = { org, report, cells, values, issues, editable, reviewable };
      cache.set(org.id, { inputs, row });
      return row;
    });
  }, [orgs, reports, previousReports, figures, drafts, round, data, targets, can]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;

  // The totals row: the one roll-up (shared/stats/model.ts), over what the rows hold now.
  const totals = useMemo(() => (data && round && unit ? enteredTotals(data.orgs, unit.id, round.period, rows).figures : null), [data, round, unit, rows]);

  /**
   * Drafts being written now: no longer "typed and not saved" for Ctrl+Z, which then undoes their
   * write once it lands (the undo is queued behind it) instead of dropping text already on its way.
   */
  const savingRef = useRef(new Set<string>());

  const dropDrafts = useCallback((keys: Iterable<string>) => {
    const list = [...keys];
    // The ref too, at once: a key pressed before the next render must not find a dropped draft.
    const now = new Map(draftsRef.current);
    for (const key of list) now.delete(key);
    draftsRef.current = now;
    setDrafts((d) => {
      const next = new Map(d);
      for (const key of list) next.delete(key);
      return next.size === d.size ? d : next;
    });
  }, []);

  const commitCells = useCallback(
    async (cells: { row: number; figure: AnyFigure; text: string }[]) => {
      const values: FigureValuesByOrg = new Map();
      const saved: string[] = [];
      for (const { row, figure, text } of cells) {
        const r = rowsRef.current[row];
        if (!r || !r.editable) continue;
        const parsed = parseFigureInput(text);
        if (!parsed.ok) continue; // stays a draft, with its message
        saved.push(`${r.org.id}|${figure}`);
        values.set(r.org.id, { ...values.get(r.org.id), [figure]: parsed.value });
      }
      if (values.size === 0) return;
      for (const key of saved) savingRef.current.add(key);
      try {
        if (await writes.saveCells(values)) dropDrafts(saved);
      } finally {
        for (const key of saved) savingRef.current.delete(key);
      }
    },
    [writes, dropDrafts],
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
          // Cells of reports that cannot be edited keep their values: nothing is pasted over them.
          if (figure && at.row + i < rows.length && rows[at.row + i]!.editable) cells.push({ row: at.row + i, figure, text: text.trim() });
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

  const focusCell = useCallback((row: number, col: number) => {
    const el = document.getElementById(cellId(row, col)) as HTMLInputElement | null;
    el?.focus();
    el?.select();
  }, []);

  /** After an undo or redo: the step's first cell, so the person sees what changed back. */
  const showStep = useCallback(
    (step: EditStep | undefined) => {
      if (!step) return;
      dropDrafts(step.cells.map((c) => `${c.orgId}|${c.figure}`));
      const first = step.cells[0]!;
      const row = rowsRef.current.findIndex((r) => r.org.id === first.orgId);
      if (row >= 0) focusCell(row, figures.indexOf(first.figure));
    },
    [dropDrafts, focusCell, figures],
  );
  const { undo, redo } = writes;
  const undoOrRedo = useCallback((redoing: boolean) => void (redoing ? redo() : undo()).then(showStep), [undo, redo, showStep]);
  const onUndoKey = useCallback(
    (at: CellAddress, redoing: boolean) => {
      const key = `${rowsRef.current[at.row]!.org.id}|${figures[at.col]!}`;
      // Text typed into this cell and not saved yet is taken back first, as a spreadsheet does; text
      // being saved is the last step already.
      if (!redoing && draftsRef.current.has(key) && !savingRef.current.has(key)) dropDrafts([key]);
      else undoOrRedo(redoing);
    },
    [figures, dropDrafts, undoOrRedo],
  );
  /** Ctrl+Z / Ctrl+Y anywhere on the page but in a text field of its own (a comment keeps its own undo). */
  const onPageKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || (key !== 'z' && key !== 'y')) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, [contenteditable="true"], [role="dialog"]')) return;
      e.preventDefault();
      undoOrRedo(key === 'y' || e.shiftKey);
    },
    [undoOrRedo],
  );

  const review = useCallback(
    async (gridRows: readonly GridRow[], action: ReviewAction, note?: string): Promise<boolean> => {
      const result = await writes.review(
        gridRows.map((r) => r.org.id),
        action,
        () => ({ now: new Date(), ...(note === undefined ? {} : { comment: note }) }),
      );
      if (result.written) notify({ severity: 'success', key: `stats:workflow.done.${action}` });
      return result.written;
    },
    [writes, notify],
  );

  const issuesOfStored = useCallback(
    (org: Org, report: StatReport | undefined): Issue[] => {
      // The report as stored when the submission is written, checked as the grid checks it, plus every
      // figure the round asks for.
      const values = report ?? {};
      return [...reportIssues(round!, org, values, previousReports?.get(org.id), targets, data!.orgById), ...validateReport(values, { required: figures })];
    },
    [round, previousReports, targets, data, figures],
  );

  async function submitAll() {
    // Every row that may be edited, not only those shown as started: a block just pasted may still
    // be on its way to the database, and the review runs after it (useGridWrites' queue), reading
    // which reports exist then.
    const result = await writes.review(
      rows.filter((r) => r.editable).map((r) => r.org.id),
      'submit',
      (target) => ({ now: new Date(), issues: issuesOfStored(target.org, target.report) }),
      true,
    );
    if (!result.written) return;
    // Rows nobody has started are not "blocked": only started reports that cannot go yet are.
    notify({ severity: result.refused ? 'warning' : 'success', key: 'stats:workflow.submitted', values: { count: result.done, blocked: result.refused } });
    setShowBlocked(result.refused > 0);
  }

  const blocked: BlockedReport[] = useMemo(() => {
    if (!showBlocked) return [];
    return rows.flatMap((r, row) => {
      if (!r.report || !r.editable) return [];
      const blockers = submissionBlockers(r.values, [...r.issues, ...validateReport(r.values, { required: figures })], r.report.notes);
      const first = blockers.errors[0] ?? blockers.uncommented[0];
      if (!first && !blockers.empty) return [];
      const errorCells = new Set(blockers.errors.map((i) => i.figure));
      return [{ row, r, errors: errorCells.size, uncommented: new Set(blockers.uncommented.map((i) => i.figure)).size, empty: blockers.empty, figure: first?.figure ?? figures[0]! }];
    });
  }, [showBlocked, rows, figures]);

  const reviewRef = useRef(review);
  reviewRef.current = review;
  const onApprove = useCallback((row: number) => void reviewRef.current([rowsRef.current[row]!], 'approve'), []);
  const onComment = useCallback((row: number, action: CommentedAction) => {
    setComment('');
    setCommenting({ row: rowsRef.current[row]!, action });
  }, []);

  const fit = useFitToWindow<HTMLDivElement>();

  // Until the round's reports are read there is nothing true to show: not the last round's.
  if (!data || (round && reports === undefined)) return null;
  if (!round || !unit || !totals) {
    return (
      <EmptyPage title={t('entry.title')} testId="entry-empty">
        {t('entry.noRound')}
      </EmptyPage>
    );
  }
  const focusedRow = focused ? rows[focused.row] : undefined;
  const focusedFigure = focused ? figures[focused.col] : undefined;
  const submitted = rows.filter((r) => r.report?.status === 'submitted' && r.reviewable);
  const returned = rows.filter((r) => r.report?.status === 'returned');

  return (
    <Stack spacing={1.5} data-testid="entry" onKeyDown={onPageKeyDown}>
      <Typography variant="h5" component="h1">
        {t('entry.title')}
      </Typography>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField select size="small" label={t('entry.round')} value={round.id} onChange={(e) => setRouteParams('entry', { round: e.target.value })} sx={{ minWidth: 220 }} slotProps={{ htmlInput: { 'data-testid': 'entry-round' } }}>
          {data.rounds.map((r) => (
            <MenuItem key={r.id} value={r.id}>
              {periodLabel(r.period, t)} · {t(`rounds.statuses.${r.status}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('entry.unit')} value={unit.id} onChange={(e) => setRouteParams('entry', { round: round.id, unit: e.target.value })} sx={{ minWidth: 220 }} slotProps={{ htmlInput: { 'data-testid': 'entry-unit' } }}>
          {units.map((u) => (
            <MenuItem key={u.id} value={u.id} data-code={u.code}>
              {pickText(u.name, lang).text}
            </MenuItem>
          ))}
        </TextField>
        {rows.some((r) => r.editable) || round.status !== 'open' ? (
          <Button variant="contained" onClick={submitAll} disabled={round.status !== 'open'} data-testid="submit-all">
            {t('entry.submitAll')}
          </Button>
        ) : null}
        {submitted.length > 0 ? (
          <Button variant="outlined" color="success" data-testid="approve-all" onClick={() => void review(submitted, 'approve')}>
            {t('review.approveAll', { count: submitted.length })}
          </Button>
        ) : null}
        <UndoButtons history={writes.history} onReplay={undoOrRedo} />
      </Stack>
      {round.status !== 'open' ? <Alert severity="info" sx={{ py: 0 }}>{t('entry.closed')}</Alert> : null}
      {returned.length > 0 ? (
        <Alert severity="warning" data-testid="returned-note" sx={{ py: 0, '& .MuiAlert-message': { maxHeight: 48, overflowY: 'auto' } }}>
          {returned.map((r) => t('entry.returned', { code: r.org.code, comment: r.report?.returnComment ?? '' })).join(' · ')}
        </Alert>
      ) : null}
      {blocked.length > 0 ? (
        <BlockedReports
          blocked={blocked}
          lang={lang}
          onClose={() => setShowBlocked(false)}
          onGoTo={(b) => focusCell(b.row, figures.indexOf(b.figure))}
        />
      ) : null}
      <Box ref={fit.ref} style={fit.style} sx={{ display: 'flex', gap: 1.5, minHeight: 0 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <EntryGrid
            rows={rows}
            figures={figures}
            lang={lang}
            totals={totals}
            onCellChange={onCellChange}
            onCellCommit={onCellCommit}
            onPasteBlock={onPasteBlock}
            onFocusCell={setFocused}
            onUndoKey={onUndoKey}
            onApprove={onApprove}
            onComment={onComment}
          />
        </Box>
        <Box component="aside" sx={{ width: PANEL_WIDTH, flexShrink: 0 }} aria-label={t('grid.details')}>
          {focusedRow && focusedFigure ? (
            <CellDetails
              // One cell's details at a time: nothing of the cell before (its history, a comment being typed) shows for the next.
              key={`${focusedRow.org.id}|${focusedFigure}`}
              row={focusedRow}
              figure={focusedFigure}
              round={round}
              // Comments answer warnings, which only the totals have (CellDetails offers none on a sex figure).
              onNote={(text) => void writes.saveNote(focusedRow.org.id, focusedFigure as Figure, text)}
            />
          ) : (
            <Paper variant="outlined" sx={{ p: 2, height: '100%', boxSizing: 'border-box' }} data-testid="cell-details-empty">
              <Typography color="text.secondary">{t('grid.pickCell')}</Typography>
            </Paper>
          )}
        </Box>
      </Box>
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

/**
 * A report's issues as the grid shows them and submission checks them: the comparisons, and the
 * warnings against the previous period (the round's threshold and floor) and the control ratio.
 */
function reportIssues(
  round: ReportingRound,
  org: Org,
  values: FigureValues,
  previous: StatReport | undefined,
  targets: TargetIndex | null,
  orgById: ReadonlyMap<string, Org>,
): Issue[] {
  return validateReport(values, {
    previous,
    targetRatio: targets ? targetRatioFor(org, targets, orgById) : null,
    changeThreshold: round.changeThreshold,
    changeFloor: round.changeFloor,
  });
}

