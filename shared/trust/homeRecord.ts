import { AUTHORITY_FILE_FORMAT, authorityFileSchema, AUTHORITY_FILE_VERSION } from './authorityFile';
import { AUTHORITY_FORMAT, type AuthorityRecord, type Succession } from './authorityRecords';
import { checkAuthorityRecord, type Checked } from './material';
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
