import type { Change } from './change';

/**
 * The county a set of changes belongs to: organisation codes are hierarchical (`LT-03-012`), so
 * the first segment of any scope is the county's code. Used where a bundle must be written before
 * the county's own organisation row is known (a backup of a PC whose tree is still incomplete).
 */
export function countyCodeOf(changes: readonly Pick<Change, 'scope'>[]): string | undefined {
  return changes[0]?.scope.split('-')[0];
}
