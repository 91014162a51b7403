import { parseSuccession, SUCCESSION_FORMAT } from './authorityRecords';
import { CERTIFICATE_FORMAT, parseCertificate } from './certificate';
import { CHECKPOINT_FORMAT, parseCheckpoint } from './checkpoint';
import type { TrustMaterial } from './material';
import type { Parsed } from './records';
import { parseRevocation, REVOCATION_FORMAT } from './revocation';
import { parseSeal, SEAL_FORMAT } from './seal';

/*
 * The trust records that travel with changes (a bundle's trust.ndjson, later the hub): successions,
 * certificates, revocations, seals and the county's checkpoints. The authority record does not
 * travel this way: each PC pins
 * its home at setup or enrollment, and data never replaces it.
 */

export const CARRIED_KINDS = ['succession', 'certificate', 'revocation', 'seal', 'checkpoint'] as const;
export type CarriedKind = (typeof CARRIED_KINDS)[number];

const PARSERS: Readonly<Record<string, { kind: CarriedKind; parse: (value: unknown) => Parsed<unknown> }>> = {
  [SUCCESSION_FORMAT]: { kind: 'succession', parse: parseSuccession },
  [CERTIFICATE_FORMAT]: { kind: 'certificate', parse: parseCertificate },
  [REVOCATION_FORMAT]: { kind: 'revocation', parse: parseRevocation },
  [SEAL_FORMAT]: { kind: 'seal', parse: parseSeal },
  [CHECKPOINT_FORMAT]: { kind: 'checkpoint', parse: parseCheckpoint },
};

/** Which kind of carried record a value claims to be, by its `format`. */
export function carriedKind(record: { format?: unknown }): CarriedKind | undefined {
  return typeof record.format === 'string' && Object.hasOwn(PARSERS, record.format) ? PARSERS[record.format]!.kind : undefined;
}

/**
 * Why a carried record cannot be read, or null: the check a bundle is handed for its trust lines.
 * A record of a newer version is no problem (a newer build reads it; this one leaves it out).
 */
export function carriedRecordProblem(record: Record<string, unknown>): string | null {
  const entry = typeof record['format'] === 'string' && Object.hasOwn(PARSERS, record['format']) ? PARSERS[record['format']] : undefined;
  if (entry === undefined) return `not a trust record League Desk carries (${String(record['format']).slice(0, 64)})`;
  const parsed = entry.parse(record);
  return parsed.ok || parsed.reason === 'newer-version' ? null : parsed.problem;
}

/** Carried records sorted into the trust core's material, by kind. */
export function carriedMaterial(records: readonly object[]): Required<Omit<TrustMaterial, 'changes'>> {
  const out = { successions: [] as unknown[], certificates: [] as unknown[], revocations: [] as unknown[], seals: [] as unknown[], checkpoints: [] as unknown[] };
  for (const record of records) {
    const kind = carriedKind(record as { format?: unknown });
    if (kind !== undefined) out[`${kind}s`].push(record);
  }
  return out;
}
