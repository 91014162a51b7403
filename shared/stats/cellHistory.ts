import { isSexFigure, type AnyFigure } from '../domain/stats';

/**
 * One cell's history, from the changes of its report in clock order (the change log holds every
 * write): who changed the figure, when, from what to what, and each comment on it.
 *
 * Only what changed is an entry. Two kinds of write touch a cell without changing it:
 * - a write that carries a value the report already holds — the first write of an upgraded PC to a
 *   demo report carries the fields held under its old id (docs/FORMATS.md, "Report ids"), which
 *   read as "44 → 44";
 * - a comment written again: a report's comments are one field (`notes`, every figure's), so a
 *   comment on members rewrites the comment on cadres too, which read as a second "comment added".
 * Both are left out.
 */
export type CellHistoryEntry =
  | {
      kind: 'value';
      hlc: string;
      device: string;
      /** The value before; undefined before the first write, null for an empty cell. */
      from: number | null | undefined;
      to: number | null;
      /** A comment written in the same change. */
      note?: string;
    }
  | {
      kind: 'note';
      hlc: string;
      device: string;
      /** The comment as written; '' when it was cleared. */
      note: string;
    };

export interface HistoryChange {
  hlc: string;
  device: string;
  fields: Readonly<Record<string, unknown>>;
}

/** The cell's entries, newest first (as the cell details show them). */
export function cellHistory(changes: readonly HistoryChange[], figure: AnyFigure): CellHistoryEntry[] {
  // Comments answer warnings, which only totals have: a sex figure's cell has none.
  const commented = !isSexFigure(figure);
  let value: number | null | undefined;
  let note = '';
  const out: CellHistoryEntry[] = [];
  for (const change of changes) {
    const notes = commented && 'notes' in change.fields ? (change.fields['notes'] as Record<string, unknown> | undefined) : undefined;
    const written = notes === undefined ? note : typeof notes[figure] === 'string' ? (notes[figure] as string) : '';
    const noteChanged = commented && 'notes' in change.fields && written !== note;
    note = written;
    const to = figure in change.fields ? (change.fields[figure] as number | null) : value;
    // Never written and empty look alike ("—"): going from one to the other changes nothing shown.
    if ((to ?? null) !== (value ?? null)) {
      // A comment written with the value is shown on its line; a comment cleared, on a line of its own.
      const withNote = noteChanged && written !== '';
      out.push({ kind: 'value', hlc: change.hlc, device: change.device, from: value, to: to ?? null, ...(withNote ? { note: written } : {}) });
      value = to;
      if (withNote) continue;
    }
    if (noteChanged) out.push({ kind: 'note', hlc: change.hlc, device: change.device, note: written });
  }
  return out.reverse();
}
