import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { memo, useCallback, useLayoutEffect, useRef, type ClipboardEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Org } from '../../../../shared/domain/org';
import type { AnyFigure, StatReport } from '../../../../shared/domain/stats';
import { formatInteger, formatPercent } from '../../../../shared/i18n/format';
import { pickText, type Lang } from '../../../../shared/i18n/lang';
import { leagueYouthRatio } from '../../../../shared/stats/totals';
import type { Issue } from '../../../../shared/stats/validation';
import { issueMessage } from '../../components/issueMessage';

export interface GridRow {
  org: Org;
  report: StatReport | undefined;
  /** What each cell shows: a saved value, or text being typed that is not saved yet. */
  cells: Partial<Record<AnyFigure, string>>;
  /** The cells' values as far as they parse (drafts included): what the rules and totals see. */
  values: Partial<Record<AnyFigure, number | null>>;
  issues: Issue[];
  /** Its figures may be typed: the round and report allow it, and so does this PC's role and scope. */
  editable: boolean;
  /** This PC may approve, return or reopen it (the county's): otherwise no review action is shown. */
  reviewable: boolean;
}

export interface CellAddress {
  row: number;
  col: number;
}

/**
 * What a cell's mark says: an error; a warning that still needs a comment; a warning explained by
 * one (the same warning, answered: the county reads the comment); or nothing.
 */
export type CellMark = 'error' | 'warning' | 'explained';

export function cellMark(r: Pick<GridRow, 'issues' | 'report'>, figure: AnyFigure): CellMark | undefined {
  const issues = r.issues.filter((i) => i.figure === figure);
  if (issues.some((i) => i.severity === 'error')) return 'error';
  if (issues.length === 0) return undefined;
  return r.report?.notes?.[figure as keyof NonNullable<StatReport['notes']>]?.trim() ? 'explained' : 'warning';
}

interface Props {
  rows: GridRow[];
  figures: AnyFigure[];
  lang: Lang;
  totals: Record<AnyFigure, number>;
  onCellChange(row: number, figure: AnyFigure, text: string): void;
  onCellCommit(row: number, figure: AnyFigure): void;
  /** A block pasted from Excel or WPS (tab-separated lines) starting at this cell. */
  onPasteBlock(at: CellAddress, block: string[][]): void;
  onFocusCell(at: CellAddress): void;
  /** Ctrl+Z (undo) or Ctrl+Y / Ctrl+Shift+Z (redo) in a cell. */
  onUndoKey(at: CellAddress, redo: boolean): void;
  onApprove(row: number): void;
  /** Return a submitted report, or reopen an approved one: both ask for a comment first. */
  onComment(row: number, action: 'return' | 'reopen'): void;
}

// Module constants: an sx object made in render is re-serialized by emotion on every keystroke.
const PAPER = 'background.paper';
const FOOT = 'grey.100';
/**
 * The grid scrolls inside its own box, never the page: the organisation column (with the report's
 * status under its name) and, at the other end, the ratio and the review actions stay in view
 * (sticky), the header stays on top and the totals row at the bottom, each on an opaque background
 * so nothing scrolls through them. The ratio's offset is the actions column's width, measured
 * (--w-actions). Focused cells are scrolled clear of the sticky columns (scroll-padding, --w-start
 * and --w-end).
 */
const SCROLL_SX = {
  overflow: 'auto',
  height: '100%',
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  bgcolor: PAPER,
  scrollPaddingInlineStart: 'var(--w-start, 0px)',
  scrollPaddingInlineEnd: 'var(--w-end, 0px)',
  scrollPaddingTop: 40,
  scrollPaddingBottom: 40,
} as const;
const GRID_SX = {
  borderCollapse: 'separate',
  borderSpacing: 0,
  // Columns as wide as their content (headers and names wrap within the widths below), the table
  // wider than its box when it must: then it scrolls inside the box.
  width: 'max-content',
  minWidth: '100%',
  '& th, & td': { borderBottom: 1, borderColor: 'divider', px: 1, py: 0.25, whiteSpace: 'nowrap', bgcolor: PAPER },
  '& thead th': { position: 'sticky', top: 0, zIndex: 3, textAlign: 'start', verticalAlign: 'bottom', fontWeight: 500, lineHeight: 1.3, py: 0.75 },
  // Headers wrap between words only ("14–35 岁 / 青年", never "新发展团 / 员").
  '& thead th > span': { display: 'inline-block', maxWidth: '6.5em', whiteSpace: 'normal', wordBreak: 'keep-all' },
  '& thead th[data-col="org"] > span': { maxWidth: 'none' },
  '& tfoot td': { position: 'sticky', bottom: 0, zIndex: 3, bgcolor: FOOT, fontWeight: 'bold', borderTop: 2, borderTopColor: 'divider', py: 0.75 },
  '& [data-col="org"]': { position: 'sticky', insetInlineStart: 0, zIndex: 2, borderInlineEnd: 1, borderInlineEndColor: 'divider' },
  '& [data-col="ratio"]': { position: 'sticky', insetInlineEnd: 'var(--w-actions, 0px)', zIndex: 2, borderInlineStart: 1, borderInlineStartColor: 'divider', textAlign: 'end' },
  '& [data-col="actions"]': { position: 'sticky', insetInlineEnd: 0, zIndex: 2, py: 0 },
  '& thead th[data-col="org"], & thead th[data-col="ratio"], & thead th[data-col="actions"]': { zIndex: 4 },
  '& tfoot td[data-col="org"], & tfoot td[data-col="ratio"], & tfoot td[data-col="actions"]': { zIndex: 4 },
  '& .org-name': { display: 'block', lineHeight: 1.25, maxWidth: '9em', whiteSpace: 'normal' },
  '& .org-meta': { display: 'flex', alignItems: 'center', gap: 0.5, mt: 0.25 },
  '& .org-code': { fontSize: '0.75rem', lineHeight: 1.2, color: 'text.secondary' },
  '& .MuiChip-sizeSmall': { height: 18, fontSize: '0.7rem' },
  '& td[data-mark="explained"]': { position: 'relative' },
  // The explained mark is a shape as well as a colour: a check in the cell's corner.
  '& td[data-mark="explained"]::after': { content: '"✓"', position: 'absolute', top: 1, insetInlineEnd: 6, fontSize: 11, lineHeight: 1, color: 'success.dark' },
  '& input': { width: 72, font: 'inherit', textAlign: 'end', border: 1, borderColor: 'divider', borderRadius: 0.5, px: 0.5, py: 0.25, bgcolor: PAPER },
  '& input[readonly]': { bgcolor: 'transparent', borderColor: 'transparent', color: 'text.primary' },
  // Blue, not the app's red: red is what an error looks like.
  '& input:focus': { outline: 2, outlineStyle: 'solid', outlineColor: 'secondary.main', outlineOffset: 1 },
  '& input[data-mark="error"]': { borderColor: 'error.main', bgcolor: '#fdecea' },
  '& input[data-mark="warning"]': { borderColor: 'warning.main', bgcolor: '#fff4e5', borderWidth: 2 },
  '& input[data-mark="explained"]': { borderColor: 'success.main', borderStyle: 'dashed', bgcolor: '#edf7ed' },
} as const;

const ACTION_SX = { minWidth: 0, px: 0.75 } as const;

export function cellId(row: number, col: number): string {
  return `cell-${row}-${col}`;
}

/**
 * The entry grid: rows are the township's branches, columns the round's figures. It behaves like a
 * spreadsheet: Enter and the arrow keys move (Tab as usual), a block copied from Excel or WPS is
 * pasted from the current cell, each cell is saved when left, Ctrl+Z undoes and Ctrl+Y redoes, and
 * each cell shows its own messages. Cells of reports that cannot be edited are read-only, not
 * disabled, so the keyboard still reaches them and their details.
 */
export const EntryGrid = memo(function EntryGrid(props: Props) {
  const { rows, figures, lang, totals } = props;
  const { t } = useTranslation('stats');
  const tableRef = useRef<HTMLTableElement>(null);
  const reviewing = rows.some((r) => r.reviewable);
  useStickyWidths(tableRef, reviewing);

  const { onCellCommit, onUndoKey, figures: columns } = props;
  /** Moves to a cell; false when there is none to move to (the edge). */
  const focus = useCallback((row: number, col: number) => {
    const el = tableRef.current?.querySelector<HTMLInputElement>(`#${cellId(row, col)}`);
    if (!el) return false;
    el.focus();
    el.select();
    return true;
  }, []);

  const onKeyDown = useCallback((e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const rtl = document.documentElement.dir === 'rtl';
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'z' || key === 'y')) {
      // Not the browser's own undo inside one input: the grid's, over saved edits.
      e.preventDefault();
      onUndoKey({ row, col }, key === 'y' || e.shiftKey);
    } else if (e.key === 'Enter') {
      // Enter saves the cell: by leaving it, or here when there is nowhere to go (the last row), so
      // the cell's text is never left unsaved.
      e.preventDefault();
      if (!focus(e.shiftKey ? row - 1 : row + 1, col)) onCellCommit(row, columns[col]!);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focus(row + 1, col);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focus(row - 1, col);
    } else if ((e.key === 'ArrowRight' && (rtl ? atStart : atEnd)) || (e.key === 'ArrowLeft' && (rtl ? atEnd : atStart))) {
      // Left/right leave the cell only from its edge, so the caret can still move inside a number.
      const forward = (e.key === 'ArrowRight') !== rtl;
      e.preventDefault();
      focus(row, forward ? col + 1 : col - 1);
    }
  }, [focus, onCellCommit, onUndoKey, columns]);

  const { onPasteBlock } = props;
  const onPaste = useCallback((e: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (e.currentTarget.readOnly) {
      e.preventDefault();
      return;
    }
    if (!text.includes('\t') && !text.includes('\n')) return;
    e.preventDefault();
    const block = text.replace(/\r/g, '').replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
    onPasteBlock({ row, col }, block);
  }, [onPasteBlock]);

  return (
    <Box sx={SCROLL_SX} data-testid="entry-grid-box">
      <Box component="table" ref={tableRef} data-testid="entry-grid" sx={GRID_SX}>
        <thead>
          <tr>
            <th data-col="org" scope="col">
              <span>{t('grid.name')}</span>
            </th>
            {figures.map((f) => (
              <th key={f} data-col="figure" scope="col">
                <span>{t(`figures.${f}`)}</span>
              </th>
            ))}
            <th data-col="ratio" scope="col">
              <span>{t('figures.ratio')}</span>
            </th>
            {/* Review is the county's: on a PC that may review nothing here, the column is absent. */}
            {reviewing ? (
              <th data-col="actions" scope="col">
                <span>{t('grid.review')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, row) => (
            <GridRowView key={r.org.id} r={r} row={row} figures={figures} lang={lang} handlers={props} onKeyDown={onKeyDown} onPaste={onPaste} />
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="grid-totals">
            <td data-col="org">{t('grid.total')}</td>
            {figures.map((f) => (
              <td key={f} data-testid={`grid-total-${f}`} style={{ textAlign: 'end' }}>
                {formatInteger(totals[f], lang)}
              </td>
            ))}
            <td data-col="ratio" data-testid="grid-total-ratio">{ratioText(totals.members, totals.youth1428, lang)}</td>
            {reviewing ? <td data-col="actions" /> : null}
          </tr>
        </tfoot>
      </Box>
    </Box>
  );
});

/**
 * The widths the sticky columns' offsets are made of, measured from the header cells (a table
 * column is as wide as its widest cell, in either language) and kept up to date as they change.
 */
function useStickyWidths(tableRef: RefObject<HTMLTableElement | null>, reviewing: boolean) {
  useLayoutEffect(() => {
    const table = tableRef.current;
    if (!table || typeof ResizeObserver === 'undefined') return;
    const cell = (col: string) => table.querySelector<HTMLElement>(`thead th[data-col="${col}"]`);
    const measure = () => {
      const width = (col: string) => cell(col)?.getBoundingClientRect().width ?? 0;
      const [org, ratio, actions] = [width('org'), width('ratio'), width('actions')];
      const box = table.parentElement!;
      box.style.setProperty('--w-start', `${org}px`);
      box.style.setProperty('--w-end', `${ratio + actions}px`);
      table.style.setProperty('--w-actions', `${actions}px`);
    };
    const observer = new ResizeObserver(measure);
    for (const col of ['org', 'ratio', 'actions']) {
      const th = cell(col);
      if (th) observer.observe(th);
    }
    measure();
    return () => observer.disconnect();
  }, [tableRef, reviewing]);
}

function ratioText(members: number | null | undefined, youth: number | null | undefined, lang: Lang): string {
  const ratio = members != null && youth != null ? leagueYouthRatio(members, youth) : null;
  return ratio === null ? '—' : formatPercent(ratio, lang, 1);
}

/** What a cell's mark means, for its tooltip and for screen readers (the input's description). */
function cellDescription(r: GridRow, figure: AnyFigure, mark: CellMark | undefined, t: TFunction, lang: Lang): string | undefined {
  const messages = r.issues.filter((i) => i.figure === figure).map((i) => issueMessage(i, t, lang));
  if (mark === 'explained') messages.push(t('grid.explained', { note: r.report?.notes?.[figure as keyof NonNullable<StatReport['notes']>] ?? '' }));
  if (mark === 'warning') messages.push(t('grid.noteNeeded'));
  return messages.join('\n') || undefined;
}

interface RowViewProps {
  r: GridRow;
  row: number;
  figures: AnyFigure[];
  lang: Lang;
  handlers: Pick<Props, 'onCellChange' | 'onCellCommit' | 'onFocusCell' | 'onApprove' | 'onComment'>;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>, row: number, col: number): void;
  onPaste(e: ClipboardEvent<HTMLInputElement>, row: number, col: number): void;
}

/** One branch's row; re-renders only when its own row object changes. */
const GridRowView = memo(
  function GridRowView({ r, row, figures, lang, handlers, onKeyDown, onPaste }: RowViewProps) {
    const { t } = useTranslation('stats');
    const status = r.report?.status ?? 'none';
    return (
      <tr data-code={r.org.code} data-status={status}>
        <th data-col="org" scope="row" style={{ fontWeight: 'normal', textAlign: 'start' }}>
          <bdi className="org-name" data-testid="row-name">{pickText(r.org.name, lang).text}</bdi>
          <span className="org-meta">
            <bdi className="org-code" dir="ltr">
              {r.org.code}
            </bdi>
            <Chip
              size="small"
              data-testid="row-status"
              label={t(`statuses.${status}`)}
              color={status === 'approved' ? 'success' : status === 'returned' ? 'warning' : status === 'submitted' ? 'info' : 'default'}
            />
          </span>
        </th>
        {figures.map((f, col) => {
          const mark = cellMark(r, f);
          return (
            <td key={f} data-mark={mark}>
              <input
                id={cellId(row, col)}
                inputMode="numeric"
                dir="ltr"
                aria-label={`${r.org.code} ${t(`figures.${f}`)}`}
                aria-invalid={mark === 'error' || undefined}
                title={cellDescription(r, f, mark, t, lang)}
                data-mark={mark}
                data-severity={mark === 'explained' ? 'warning' : mark}
                data-figure={f}
                readOnly={!r.editable}
                value={r.cells[f] ?? ''}
                onChange={(e) => handlers.onCellChange(row, f, e.target.value)}
                onBlur={() => handlers.onCellCommit(row, f)}
                onFocus={(e) => {
                  e.currentTarget.select();
                  handlers.onFocusCell({ row, col });
                }}
                onKeyDown={(e) => onKeyDown(e, row, col)}
                onPaste={(e) => onPaste(e, row, col)}
              />
            </td>
          );
        })}
        <td data-col="ratio" data-testid="row-ratio">{ratioText(r.values.members, r.values.youth1428, lang)}</td>
        {r.reviewable ? (
        <td data-col="actions">
          {status === 'submitted' ? (
            <>
              <Button size="small" onClick={() => handlers.onApprove(row)} data-testid="approve" aria-label={`${t('review.approve')} ${r.org.code}`} sx={ACTION_SX}>
                {t('review.approve')}
              </Button>
              <Button size="small" color="warning" onClick={() => handlers.onComment(row, 'return')} data-testid="return" aria-label={`${t('review.return')} ${r.org.code}`} sx={ACTION_SX}>
                {t('review.return')}
              </Button>
            </>
          ) : status === 'approved' ? (
            <Button size="small" color="warning" onClick={() => handlers.onComment(row, 'reopen')} data-testid="reopen" aria-label={`${t('review.reopen')} ${r.org.code}`} sx={ACTION_SX}>
              {t('review.reopen')}
            </Button>
          ) : null}
        </td>
        ) : null}
      </tr>
    );
  },
  (a, b) =>
    a.r === b.r &&
    a.row === b.row &&
    a.figures === b.figures &&
    a.lang === b.lang &&
    a.onKeyDown === b.onKeyDown &&
    a.onPaste === b.onPaste &&
    a.handlers.onCellChange === b.handlers.onCellChange &&
    a.handlers.onCellCommit === b.handlers.onCellCommit &&
    a.handlers.onFocusCell === b.handlers.onFocusCell &&
    a.handlers.onApprove === b.handlers.onApprove &&
    a.handlers.onComment === b.handlers.onComment,
);
