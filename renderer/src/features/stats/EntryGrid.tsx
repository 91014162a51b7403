import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { memo, useCallback, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  editable: boolean;
}

export interface CellAddress {
  row: number;
  col: number;
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
  onApprove(row: number): void;
  /** Return a submitted report, or reopen an approved one: both ask for a comment first. */
  onComment(row: number, action: 'return' | 'reopen'): void;
}

// Module constants: an sx object made in render is re-serialized by emotion on every keystroke.
const SCROLL_SX = { overflow: 'auto', maxHeight: '65vh', border: 1, borderColor: 'divider', borderRadius: 1 } as const;
const GRID_SX = {
  borderCollapse: 'collapse',
  width: '100%',
  '& th, & td': { borderBottom: 1, borderColor: 'divider', px: 1, py: 0.25, whiteSpace: 'nowrap' },
  '& thead th': { position: 'sticky', top: 0, bgcolor: 'background.paper', zIndex: 1, textAlign: 'start' },
  '& tfoot td': { position: 'sticky', bottom: 0, bgcolor: 'grey.100', fontWeight: 'bold' },
  '& input': { width: 88, font: 'inherit', textAlign: 'end', border: 1, borderColor: 'divider', borderRadius: 0.5, px: 0.5, py: 0.25, bgcolor: 'background.paper' },
  '& input:disabled': { bgcolor: 'transparent', borderColor: 'transparent', color: 'text.primary' },
  '& input[data-severity="error"]': { borderColor: 'error.main', bgcolor: '#fdecea' },
  '& input[data-severity="warning"]': { borderColor: 'warning.main', bgcolor: '#fff4e5' },
} as const;

function cellId(row: number, col: number): string {
  return `cell-${row}-${col}`;
}

/**
 * The entry grid: rows are the township's branches, columns the round's figures. It behaves like a
 * spreadsheet: Enter and the arrow keys move (Tab as usual), a block copied from Excel or WPS is
 * pasted from the current cell, each cell is saved when left, and each shows its own messages.
 */
export const EntryGrid = memo(function EntryGrid(props: Props) {
  const { rows, figures, lang, totals } = props;
  const { t } = useTranslation('stats');
  const tableRef = useRef<HTMLTableElement>(null);

  const { onCellCommit, figures: columns } = props;
  /** Moves to a cell; false when there is none to move to (the edge, or a locked row). */
  const focus = useCallback((row: number, col: number) => {
    const el = tableRef.current?.querySelector<HTMLInputElement>(`#${cellId(row, col)}`);
    if (!el || el.disabled) return false;
    el.focus();
    el.select();
    return true;
  }, []);

  const onKeyDown = useCallback((e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const rtl = document.documentElement.dir === 'rtl';
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    // Enter saves the cell: by leaving it, or here when there is nowhere to go (the last row, or a
    // submitted or approved row below), so the cell's text is never left unsaved.
    if (e.key === 'Enter') {
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
  }, [focus, onCellCommit, columns]);

  const { onPasteBlock } = props;
  const onPaste = useCallback((e: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!text.includes('\t') && !text.includes('\n')) return;
    e.preventDefault();
    const block = text.replace(/\r/g, '').replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
    onPasteBlock({ row, col }, block);
  }, [onPasteBlock]);

  return (
    <Box sx={SCROLL_SX}>
      <Box
        component="table"
        ref={tableRef}
        data-testid="entry-grid"
        sx={GRID_SX}
      >
        <thead>
          <tr>
            <th>{t('grid.code')}</th>
            <th>{t('grid.name')}</th>
            {figures.map((f) => (
              <th key={f}>{t(`figures.${f}`)}</th>
            ))}
            <th>{t('figures.ratio')}</th>
            <th>{t('grid.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, row) => (
            <GridRowView key={r.org.id} r={r} row={row} figures={figures} lang={lang} handlers={props} onKeyDown={onKeyDown} onPaste={onPaste} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td>{t('grid.total')}</td>
            {figures.map((f) => (
              <td key={f} data-testid={`grid-total-${f}`} style={{ textAlign: 'end' }}>
                {formatInteger(totals[f], lang)}
              </td>
            ))}
            <td data-testid="grid-total-ratio">{ratioText(totals.members, totals.youth1428, lang)}</td>
            <td />
            <td />
          </tr>
        </tfoot>
      </Box>
    </Box>
  );
});

function ratioText(members: number | null | undefined, youth: number | null | undefined, lang: Lang): string {
  const ratio = members != null && youth != null ? leagueYouthRatio(members, youth) : null;
  return ratio === null ? '—' : formatPercent(ratio, lang, 1);
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
    return (
      <tr data-code={r.org.code} data-status={r.report?.status ?? 'none'}>
        <td>
          <bdi dir="ltr">{r.org.code}</bdi>
        </td>
        <td>
          <bdi>{pickText(r.org.name, lang).text}</bdi>
        </td>
        {figures.map((f, col) => {
          const issues = r.issues.filter((i) => i.figure === f);
          const severity = issues.some((i) => i.severity === 'error') ? 'error' : issues.length ? 'warning' : undefined;
          return (
            <td key={f}>
              <input
                id={cellId(row, col)}
                inputMode="numeric"
                dir="ltr"
                aria-label={`${r.org.code} ${t(`figures.${f}`)}`}
                aria-invalid={severity === 'error' || undefined}
                title={issues.map((i) => issueMessage(i, t, lang)).join('\n') || undefined}
                data-severity={severity}
                data-figure={f}
                disabled={!r.editable}
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
        <td>{ratioText(r.values.members, r.values.youth1428, lang)}</td>
        <td>
          <Chip
            size="small"
            label={t(`statuses.${r.report?.status ?? 'none'}`)}
            color={r.report?.status === 'approved' ? 'success' : r.report?.status === 'returned' ? 'warning' : r.report?.status === 'submitted' ? 'info' : 'default'}
          />
        </td>
        <td>
          {r.report?.status === 'submitted' ? (
            <>
              <Button size="small" onClick={() => handlers.onApprove(row)} data-testid="approve">
                {t('review.approve')}
              </Button>
              <Button size="small" color="warning" onClick={() => handlers.onComment(row, 'return')} data-testid="return">
                {t('review.return')}
              </Button>
            </>
          ) : r.report?.status === 'approved' ? (
            <Button size="small" color="warning" onClick={() => handlers.onComment(row, 'reopen')} data-testid="reopen">
              {t('review.reopen')}
            </Button>
          ) : null}
        </td>
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
