import type { FileFilter as DialogFilter } from 'electron';
import type { FileFilter } from '../../shared/bridge';
import type { FileTypeLabels } from '../menuLabels';

/** The renderer names file types by key; the shell shows them in the current menu language. */
export function toDialogFilters(
  filters: readonly FileFilter[] | undefined,
  labels: FileTypeLabels,
): DialogFilter[] | undefined {
  if (filters === undefined || filters.length === 0) return undefined;
  return filters.map((filter) => ({ name: labels[filter.nameKey], extensions: [...filter.extensions] }));
}
