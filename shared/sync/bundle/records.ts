import type { Change } from '../change';
import { parseChange } from '../parseChange';
import { isWithinScope } from '../scope';
import type { SyncTables } from '../tables';
import { validateChangeIdentity, validateChangeValues } from '../validate';
import { canonicalJson } from './canonicalJson';
import { MAX_VALUE_DEPTH } from './limits';
import { TABLE_NAME_PATTERN } from './names';
import { refuse, type BundleRefusal } from './refusal';

/**
 * What a schema-valid change must also satisfy to travel in a bundle of `countyCode`, or null.
 * Besides the bundle's own rules (table names, county, nesting) these are the merge core's edge
 * checks (validate.ts), so a bundle that verifies is one an import will not refuse for its
 * records, and a bad record is reported with its line. The writer checks the same, so a bundle
 * League Desk writes is never refused on reading.
 */
export function changeProblem(change: Change, countyCode: string, tables: SyncTables): string | null {
  if (!TABLE_NAME_PATTERN.test(change.table)) return `its table name ${JSON.stringify(change.table)} is not an identifier`;
  if (!isWithinScope(change.scope, countyCode)) return `its scope ${change.scope} is outside county ${countyCode}`;
  if (!withinDepth(change.fields, MAX_VALUE_DEPTH)) return `its values nest deeper than ${MAX_VALUE_DEPTH} levels`;
  const problems = [...validateChangeIdentity(change), ...validateChangeValues(change, tables)];
  return problems.length === 0 ? null : problems.slice(0, 3).join('; ');
}

/** Without recursion, so a hostile nesting cannot overflow the stack of the check meant to stop it. */
export function withinDepth(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return false;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

export interface ParsedChanges {
  ok: true;
  /** In clock order, each change once. */
  changes: Change[];
  /** Lines in the file, and lines per table: what the manifest's counts describe. */
  lines: number;
  byTable: Map<string, number>;
}

/**
 * Reads changes.ndjson: one change per line, each ending in a newline (a missing last newline is
 * forgiven: the part's checksum already vouches for its bytes), in clock order. The same change
 * twice is harmless (applying is idempotent) and kept once; the same id with other content is
 * refused, since one of the two would be silently lost.
 */
export function parseChanges(data: Uint8Array, countyCode: string, tables: SyncTables): ParsedChanges | BundleRefusal {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const changes: Change[] = [];
  const byTable = new Map<string, number>();
  let previousText: string | null = null;
  let lines = 0;
  for (let start = 0; start < data.length; ) {
    const newline = data.indexOf(0x0a, start);
    const end = newline === -1 ? data.length : newline;
    lines += 1;
    const line = lines;
    const parsed = parseLine(decoder, data.subarray(start, end), countyCode, tables);
    start = end + 1;
    if (!parsed.ok) return refuse('record-invalid', { problem: `line ${line}: ${parsed.problem}`, line });
    const change = parsed.change;
    const previous = changes.at(-1);
    if (previous && change.hlc < previous.hlc) {
      return refuse('record-invalid', { problem: `line ${line}: out of clock order`, line });
    }
    byTable.set(change.table, (byTable.get(change.table) ?? 0) + 1);
    if (previous && change.id === previous.id) {
      // Lines are in clock order and id = clock stamp, so a repeated id is on the line before.
      const text = canonicalJson(change);
      previousText ??= canonicalJson(previous);
      if (text !== previousText) {
        return refuse('duplicate-change', { problem: `line ${line}: change ${change.id} appears with two contents`, id: change.id, line });
      }
      continue;
    }
    previousText = null;
    changes.push(change);
  }
  return { ok: true, changes, lines, byTable };
}

type LineResult = { ok: true; change: Change } | { ok: false; problem: string };

function parseLine(decoder: TextDecoder, bytes: Uint8Array, countyCode: string, tables: SyncTables): LineResult {
  let json: unknown;
  try {
    const text = decoder.decode(bytes);
    if (text.trim() === '') return { ok: false, problem: 'empty line' };
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not UTF-8 JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const checked = parseChange(json);
  if (!checked.success) {
    const issues = checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`);
    return { ok: false, problem: `not a change record: ${issues.join('; ')}` };
  }
  const problem = changeProblem(checked.data, countyCode, tables);
  return problem === null ? { ok: true, change: checked.data } : { ok: false, problem };
}
