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
import { roundColumns, type AnyFigure, type ReportingRound, type StatReport } from '../../../../shared/domain/stats';
import { pickText } from '../../../../shared/i18n/lang';
import { previousPeriod } from '../../../../shared/domain/period';
import { indexTargets, targetRatioFor } from '../../../../shared/stats/targets';
import { canSubmit, parseFigureInput, validateReport, type Issue } from '../../../../shared/stats/validation';
import { transition, type ReviewAction } from '../../../../shared/stats/workflow';
import type { WriteSpec } from '../../../../shared/sync/write';
import { useApp } from '../../app/context';
import { setRouteParams, useRouteParams } from '../../app/routes';
import { storeErrorKey } from '../../store/errors';
import { CellDetails } from './CellDetails';
import { EntryGrid, type CellAddress, type GridRow } from './EntryGrid';
import { periodLabel } from './periodLabel';
import { descendantsOf, reportId, useRoundReports, useStatsData } from './useStatsData';

const EDITABLE = new Set(['draft', 'returned', undefined]);

/**
 * A township's figures for one round: the officer enters and submits; the county approves or
 * returns with a comment. Every cell is saved as it is left; text that is not a valid figure stays
 * in the cell with its message and is not saved, so nothing typed is lost.
 */
export function EntryPage() {
  const { t } = useTranslation('stats');
  const { store, lang, notify } = useApp();
  const params = useRouteParams();
  const data = useStatsData(store.db);
  const round: ReportingRound | undefined =
    data?.rounds.find((r) => r.id === params.get('round')) ?? data?.rounds.find((r) => r.status === 'open') ?? data?.rounds[0];
  const reports = useRoundReports(store.db, round?.id);
  // Warnings compare with the same organisation's report for the period before.
  const previousRound = round ? data?.rounds.find((r) => r.period === previousPeriod(round.period)) : undefined;
  const previousReports = useRoundReports(store.db, previousRound?.id);
  const [drafts, setDrafts] = useState<Map<string, string>>(new Map());
  const [focused, setFocused] = useState<CellAddress | null>(null);
  const [returning, setReturning] = useState<StatReport | null>(null);
  const [comment, setComment] = useState('');

  const county = data?.orgs.find((o) => o.kind === 'county' && o.parentId === null);
  const expected = useMemo(() => new Set(round?.orgIds ?? []), [round]);
  const units = useMemo(
    () =>
      data && county
        ? data.orgs
            .filter((o) => o.parentId === county.id)
            .filter((o) => descendantsOf(data.orgs, o.id).some((d) => expected.has(d.id)))
            .sort((a, b) => (a.code < b.code ? -1 : 1))
        : [],
    [data, county, expected],
  );
  const unit = units.find((u) => u.id === params.get('unit')) ?? units[0];
  const orgs = useMemo(() => (data && unit ? descendantsOf(data.orgs, unit.id).filter((o) => expected.has(o.id)) : []), [data, unit, expected]);
  // The grid's columns: the round's figures, each split figure followed by male and female when the round asks.
  const figures: AnyFigure[] = useMemo(() => (round ? roundColumns(round) : []), [round]);

  // Rows are rebuilt only when what they show changed: typing in one cell rebuilds (and re-renders)
  // one row of a 300-branch township, not all of them.
  const rowCache = useRef(new Map<string, { inputs: unknown[]; row: GridRow }>());
  // Its own memo: the row cache compares inputs by identity, so an index rebuilt on every keystroke
  // would invalidate every row (it did: the whole grid re-rendered and re-validated per key).
  const targets = useMemo(() => (data ? indexTargets(data.targets) : null), [data]);
  const rows: GridRow[] = useMemo(() => {
    const editableRound = round?.status === 'open';
    const cache = rowCache.current;
    return orgs.map((org) => {
      const report = reports?.get(org.id);
      const previous = previousReports?.get(org.id);
      const draftTexts = figures.map((f) => drafts.get(`${org.id}|${f}`));
      const inputs = [report, previous, editableRound, figures, targets, ...draftTexts];
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
        ...validateReport(values, { previous, targetRatio: targets ? targetRatioFor(org, targets, data!.orgById) : null, changeThreshold: round?.changeThreshold }),
      ];
      const row: GridRow = { org, report, cells, values, issues, editable: EDITABLE.has(report?.status) && editableRound };
      cache.set(org.id, { inputs, row });
      return row;
    });
  }, [orgs, reports, previousReports, figures, drafts, round, data, targets]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;

  const totals = useMemo(() => {
    const sum = Object.fromEntries(figures.map((f) => [f, 0])) as Record<AnyFigure, number>;
    for (const r of rows) for (const f of figures) sum[f] += r.values[f] ?? 0;
    return sum;
  }, [rows, figures]);

  const write = useCallback(
    async (specs: WriteSpec[]) => {
      try {
        await store.repo.write(specs);
        return true;
      } catch (error) {
        notify({ severity: 'error', key: storeErrorKey(error) });
        return false;
      }
    },
    [store, notify],
  );

  const figureWrite = useCallback(
    (row: GridRow, values: Partial<Record<AnyFigure, number | null>>): WriteSpec => ({
      table: 'statReport',
      row: reportId(round!.id, row.org.id),
      scope: row.org.code,
      fields: row.report ? values : { roundId: round!.id, orgId: row.org.id, period: round!.period, status: 'draft', ...values },
    }),
    [round],
  );

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
        const key = `${r.org.id}|${figure}`;
        saved.push(key);
        if ((r.report?.[figure] ?? null) === parsed.value) continue;
        byRow.set(row, { ...byRow.get(row), [figure]: parsed.value });
      }
      const specs = [...byRow].map(([row, values]) => figureWrite(rows[row]!, values));
      if (specs.length === 0 || (await write(specs))) {
        setDrafts((d) => {
          const next = new Map(d);
          for (const key of saved) next.delete(key);
          return next;
        });
      }
    },
    [figureWrite, write],
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

  async function review(report: StatReport, action: ReviewAction, note?: string) {
    const org = data!.orgById.get(report.orgId)!;
    const result = transition(report, action, { comment: note, now: new Date() });
    if (!result.ok) return notify({ severity: 'error', key: `stats:workflow.${result.reason}` });
    if (await write([{ table: 'statReport', row: report.id, scope: org.code, fields: result.fields }])) {
      notify({ severity: 'success', key: `stats:workflow.done.${action}` });
    }
  }

  async function submitAll() {
    // Submission also needs every figure the round asks for.
    const ready = rows.filter(
      (r) => r.report && r.editable && canSubmit(r.values, [...r.issues, ...validateReport(r.values, { required: figures })], r.report.notes),
    );
    // Rows nobody has started are not "blocked": only started reports that cannot go yet are.
    const blocked = rows.filter((r) => r.report && r.editable && !ready.includes(r));
    const specs: WriteSpec[] = [];
    for (const r of ready) {
      const result = transition(r.report!, 'submit', { now: new Date() });
      if (result.ok) specs.push({ table: 'statReport', row: r.report!.id, scope: r.org.code, fields: result.fields });
    }
    if (specs.length > 0 && !(await write(specs))) return;
    notify({
      severity: blocked.length ? 'warning' : 'success',
      key: 'stats:workflow.submitted',
      values: { count: specs.length, blocked: blocked.length },
    });
  }

  const reviewRef = useRef(review);
  reviewRef.current = review;
  const onApprove = useCallback((row: number) => void reviewRef.current(rowsRef.current[row]!.report!, 'approve'), []);
  const onReturn = useCallback((row: number) => {
    setComment('');
    setReturning(rowsRef.current[row]!.report!);
  }, []);

  if (!data) return null;
  if (!round || !unit) {
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
          <Button
            variant="outlined"
            color="success"
            data-testid="approve-all"
            onClick={async () => {
              const specs: WriteSpec[] = [];
              for (const r of submitted) {
                const result = transition(r.report!, 'approve', { now: new Date() });
                if (result.ok) specs.push({ table: 'statReport', row: r.report!.id, scope: r.org.code, fields: result.fields });
              }
              if (await write(specs)) notify({ severity: 'success', key: 'stats:workflow.done.approve' });
            }}
          >
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
        onReturn={onReturn}
      />
      {focusedRow && focusedFigure ? (
        <CellDetails
          row={focusedRow}
          figure={focusedFigure}
          roundId={round.id}
          onNote={(text) => {
            const base = figureWrite(focusedRow, {});
            void write([{ ...base, fields: { ...base.fields, notes: { ...(focusedRow.report?.notes ?? {}), [focusedFigure]: text } } }]);
          }}
        />
      ) : null}
      {returning ? (
        <Dialog open onClose={() => setReturning(null)} maxWidth="sm" fullWidth aria-labelledby="return-title">
          <DialogTitle id="return-title">{t('review.returnTitle')}</DialogTitle>
          <DialogContent>
            <TextField autoFocus fullWidth multiline minRows={2} label={t('review.comment')} value={comment} onChange={(e) => setComment(e.target.value)} sx={{ mt: 1 }} slotProps={{ htmlInput: { 'data-testid': 'return-comment' } }} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setReturning(null)}>{t('cancel')}</Button>
            <Button
              variant="contained"
              color="warning"
              disabled={comment.trim() === ''}
              data-testid="return-confirm"
              onClick={async () => {
                await review(returning, 'return', comment.trim());
                setReturning(null);
              }}
            >
              {t('review.return')}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </Stack>
  );
}
