import type { z } from 'zod';

/*
 * Every trust record and file starts with `format` (what it is) and `version` (an integer). A
 * reader parses with the record's zod schema, and says why it refuses: not this kind of record at
 * all, a newer version than this build reads (keep it: a newer build will), or invalid.
 */

export type RecordRefusal = 'unknown-format' | 'newer-version' | 'record-invalid';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: RecordRefusal; problem: string };

export function parseRecord<S extends z.ZodType>(schema: S, format: string, version: number, value: unknown): Parsed<z.infer<S>> {
  const head = value as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== format) {
    return { ok: false, reason: 'unknown-format', problem: `not a ${format} record` };
  }
  if (typeof head.version === 'number' && Number.isInteger(head.version) && head.version > version) {
    return { ok: false, reason: 'newer-version', problem: `${format} version ${head.version}; this build reads up to ${version}` };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'record-invalid', problem: `${format}: ${issue?.path.join('.') || '(record)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, value: parsed.data };
}

/** Why a trust file (JSON text: an authority file, an enrollment answer) is not read. */
export type FileRefusal = 'not-json' | 'unknown-format' | 'newer-version' | 'file-invalid';

/** A trust file's text parsed as JSON, then as its record: `not-json`, or the record's refusal (`record-invalid` as `file-invalid`). */
export function parseRecordFile<S extends z.ZodType>(schema: S, format: string, version: number, text: string): { ok: true; value: z.infer<S> } | { ok: false; reason: FileRefusal; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json', problem: 'the file is not JSON' };
  }
  const parsed = parseRecord(schema, format, version, json);
  if (!parsed.ok) return { ok: false, reason: parsed.reason === 'record-invalid' ? 'file-invalid' : parsed.reason, problem: parsed.problem };
  return parsed;
}
