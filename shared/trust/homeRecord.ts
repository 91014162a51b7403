import { AUTHORITY_FILE_FORMAT, authorityFileSchema, AUTHORITY_FILE_VERSION } from './authorityFile';
import { AUTHORITY_FORMAT, type AuthorityRecord, type Succession } from './authorityRecords';
import { parseCertificate, type Certificate } from './certificate';
import { trustView } from './chain';
import { checkAuthorityRecord, prepareMaterial, type Checked } from './material';
import type { StandingReason } from './reasons';
import { parseRecord } from './records';

/*
 * A county's home authority as a tool without a store is handed it (the command line's
 * `--authority FILE`): the county's public authority record (`league-desk-authority`), or its
 * authority key file (`league-desk-authority-key`, of which only the public part is read — no
 * passphrase is asked and the private key is never opened). Either way the record's own signature
 * must hold, as a PC checks the record it pins at setup.
 */

export const HOME_RECORD_REFUSALS = ['not-json', 'unknown-format', 'newer-version', 'record-invalid', 'tampered', 'unsupported-algorithm'] as const;
export type HomeRecordRefusal = (typeof HOME_RECORD_REFUSALS)[number];

export interface HomeAuthority {
  home: Checked<AuthorityRecord>;
  /** Successions an authority key file carries, to add to the material decided. */
  successions: Succession[];
}

export async function readHomeRecord(text: string): Promise<{ ok: true; value: HomeAuthority } | { ok: false; reason: HomeRecordRefusal; problem: string }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json', problem: 'the file is not JSON' };
  }
  let record: unknown = json;
  let successions: Succession[] = [];
  if ((json as { format?: unknown } | null)?.format === AUTHORITY_FILE_FORMAT) {
    const file = parseRecord(authorityFileSchema, AUTHORITY_FILE_FORMAT, AUTHORITY_FILE_VERSION, json);
    if (!file.ok) return file;
    record = file.value.home;
    successions = file.value.successions;
  } else if ((json as { format?: unknown } | null)?.format !== AUTHORITY_FORMAT) {
    return { ok: false, reason: 'unknown-format', problem: 'neither an authority record nor an authority key file' };
  }
  const checked = await checkAuthorityRecord(record);
  if (!checked.ok) return checked;
  if (checked.value.signature === 'unsupported-algorithm') return { ok: false, reason: 'unsupported-algorithm', problem: `this runtime cannot check ${checked.value.record.signer.algorithm} signatures` };
  if (checked.value.signature !== 'valid') return { ok: false, reason: 'tampered', problem: 'the authority record’s signature does not hold' };
  return { ok: true, value: { home: checked.value, successions } };
}

/** Why a certificate file does not get a hub account: unreadable, or not the county's word (chain.ts `standingOf`). */
export type CertificateFileRefusal = HomeRecordRefusal | StandingReason | 'revoked' | 'certificate-expired';

/**
 * A PC's certificate file, checked against the county's home authority as every PC checks it:
 * readable, signed, issued by the county's authority (or a successor of it), not expired at `now`,
 * and not revoked by any `revocations` handed in.
 */
export async function checkCertificateFile(
  text: string,
  authority: { home: Checked<AuthorityRecord>; successions: readonly unknown[] },
  now: Date,
  revocations: readonly unknown[] = [],
): Promise<{ ok: true; value: Certificate } | { ok: false; reason: CertificateFileRefusal; problem: string }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json', problem: 'the file is not JSON' };
  }
  const parsed = parseCertificate(json);
  if (!parsed.ok) return parsed;
  const material = await prepareMaterial({ certificates: [parsed.value], successions: authority.successions, revocations });
  const view = trustView(authority.home, material);
  const standing = view.certificates.get(parsed.value.device)?.[0]?.standing;
  if (standing === undefined) return { ok: false, reason: 'record-invalid', problem: 'no certificate' };
  if (!standing.trusted) return { ok: false, reason: standing.reason, problem: `the certificate is not the county’s word (${standing.reason})` };
  if (parsed.value.validTo <= now.toISOString()) return { ok: false, reason: 'certificate-expired', problem: `valid until ${parsed.value.validTo}` };
  if ((view.revocations.get(parsed.value.device) ?? []).length > 0) return { ok: false, reason: 'revoked', problem: 'the county revoked this PC' };
  return { ok: true, value: parsed.value };
}
