import { canonicalJson } from '../canonical';
import { MAX_VALUE_DEPTH } from './limits';
import { withinDepth } from './records';
import { refuse, type BundleRefusal } from './refusal';

/*
 * trust.ndjson (version 3): the trust records that vouch for a bundle's changes — seals,
 * certificates, revocations, successions (docs/FORMATS.md, "Trust records") — one per line as
 * canonical JSON, each once, sorted by line. The bundle layer knows no trust record: it checks that
 * each line is a JSON object with a `format` and an integer `version`, and asks the check it is
 * handed (`TrustRecordCheck`, from the trust core through the composition root) whether the record
 * is one this build reads. Whether a record is believed is the import's question, not the file's.
 */

/** Trust records one bundle may carry: far above a county's (a few hundred PCs, a seal per export). */
export const MAX_TRUST_RECORDS = 100_000;

/**
 * A problem with a trust record, or null. Records of a newer version than this build reads are
 * not problems: the check answers null and the import keeps them out of its decisions.
 */
export type TrustRecordCheck = (record: Record<string, unknown>) => string | null;

/** The lines of trust.ndjson for a set of records (each once, sorted). */
export function trustLines(records: readonly object[], check?: TrustRecordCheck): { ok: true; lines: string[] } | { ok: false; problem: string } {
  const lines = new Set<string>();
  for (const record of records) {
    const problem = recordProblem(record, check);
    if (problem) return { ok: false, problem };
    lines.add(canonicalJson(record));
  }
  if (lines.size > MAX_TRUST_RECORDS) return { ok: false, problem: `${lines.size} trust records, at most ${MAX_TRUST_RECORDS}` };
  return { ok: true, lines: [...lines].sort() };
}

/** Reads trust.ndjson: every line a record (see above), at most MAX_TRUST_RECORDS lines. */
export function parseTrustLines(data: Uint8Array, check?: TrustRecordCheck): { ok: true; records: Record<string, unknown>[] } | BundleRefusal {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const records: Record<string, unknown>[] = [];
  let line = 0;
  for (let start = 0; start < data.length; ) {
    const newline = data.indexOf(0x0a, start);
    const end = newline === -1 ? data.length : newline;
    line += 1;
    if (line > MAX_TRUST_RECORDS) return refuse('trust-invalid', { problem: `more than ${MAX_TRUST_RECORDS} trust records`, line });
    let json: unknown;
    try {
      json = JSON.parse(decoder.decode(data.subarray(start, end)));
    } catch (error) {
      return refuse('trust-invalid', { problem: `line ${line}: not UTF-8 JSON (${error instanceof Error ? error.message : String(error)})`, line });
    }
    start = end + 1;
    const problem = recordProblem(json, check);
    if (problem) return refuse('trust-invalid', { problem: `line ${line}: ${problem}`, line });
    records.push(json as Record<string, unknown>);
  }
  return { ok: true, records };
}

function recordProblem(value: unknown, check: TrustRecordCheck | undefined): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  if (typeof record['format'] !== 'string' || record['format'].length > 64) return 'no format';
  if (!Number.isSafeInteger(record['version']) || (record['version'] as number) < 1) return 'no version';
  if (!withinDepth(record, MAX_VALUE_DEPTH)) return `nests deeper than ${MAX_VALUE_DEPTH} levels`;
  return check ? check(record) : null;
}
