import { changeSchema, DATA_SCHEMA_VERSION, type Change } from './change';
import { tick, type ClockState } from './hlc';
import type { MergedRow } from './row';

/** One write a person (or the demo loader) asks for: some fields of one row. */
export interface WriteSpec {
  table: string;
  row: string;
  fields: Record<string, unknown>;
  /** Organisation code path the row belongs to. */
  scope: string;
}

export interface Writer {
  device: string;
  author: string;
}

/**
 * Turns writes into change records: one clock tick each, the per-field base taken from the row as
 * the author saw it (`rowNow`), undefined fields dropped. Pure; the caller stores the changes and
 * the returned clock together. Used by the app's repository and by the command line alike, so a
 * change made anywhere has exactly the same shape.
 */
export function makeChange(spec: WriteSpec, current: MergedRow | undefined, writer: Writer, clock: ClockState, now: number): { change: Change; clock: ClockState } {
  const fields = Object.fromEntries(Object.entries(spec.fields).filter(([, v]) => v !== undefined));
  const base: Record<string, string> = {};
  for (const field of Object.keys(fields)) base[field] = current?._clock[field] ?? '';
  const next = tick(clock, now, writer.device);
  const change = changeSchema.parse({
    id: next.stamp,
    hlc: next.stamp,
    device: writer.device,
    author: writer.author,
    table: spec.table,
    row: spec.row,
    fields,
    base,
    scope: spec.scope,
    schema: DATA_SCHEMA_VERSION,
  });
  return { change, clock: next.state };
}
