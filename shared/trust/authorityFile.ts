import { z } from 'zod';
import { authorityRecordSchema, generationAfter, successionSchema, type AuthorityRecord, type Succession } from './authorityRecords';
import { publicKeySchema, sameKey, type KeyPair, type PublicKey } from './keys';
import { parseRecordFile } from './records';
import { openSealedKey, sealedKeySchema, type SealedKey } from './sealedKey';
import { checkRecordSignature } from './signed';
import { countyCodeSchema, isoInstantSchema } from './schemas';

/*
 * The county's authority on a USB drive: `<county>-authority.leaguekey`, a UTF-8 JSON file that
 * lets a new PC take over as the county's PC when the old one is lost or replaced. It holds the
 * county's home authority record and the successions that lead to the key it carries, and that
 * key's private half encrypted under a passphrase (sealedKey.ts). Nothing in it is usable without
 * the passphrase; everything in it is checked when it is read back.
 */

export const AUTHORITY_FILE_FORMAT = 'league-desk-authority-key';
export const AUTHORITY_FILE_VERSION = 1;

export const authorityFileSchema = z.strictObject({
  format: z.literal(AUTHORITY_FILE_FORMAT),
  version: z.literal(AUTHORITY_FILE_VERSION),
  county: countyCodeSchema,
  /** True for the demo county's authority (its keys are published; never a real county's). */
  demo: z.boolean(),
  exported: isoInstantSchema,
  /** The county's first authority record: what every PC of the county is enrolled under. */
  home: authorityRecordSchema,
  /** The successions from the home record's key to `key`, oldest first (often none). */
  successions: z.array(successionSchema).max(100),
  /** The authority key this file holds. */
  key: publicKeySchema,
  /** Its private half under the passphrase (purpose `authority`). */
  sealed: sealedKeySchema,
});
export type AuthorityFile = z.infer<typeof authorityFileSchema>;

/** Why an authority file is not taken. */
export const AUTHORITY_FILE_REFUSALS = ['not-json', 'unknown-format', 'newer-version', 'file-invalid', 'unsupported-algorithm', 'tampered', 'wrong-passphrase'] as const;
export type AuthorityFileRefusal = (typeof AUTHORITY_FILE_REFUSALS)[number];

export interface RestoredAuthority {
  home: AuthorityRecord;
  successions: Succession[];
  /** The authority key, its private half non-extractable, ready to sign. */
  authority: KeyPair;
}

export function authorityFile(parts: { home: AuthorityRecord; successions: Succession[]; key: PublicKey; sealed: SealedKey; exported: string }): AuthorityFile {
  return {
    format: AUTHORITY_FILE_FORMAT,
    version: AUTHORITY_FILE_VERSION,
    county: parts.home.county,
    demo: parts.home.demo,
    exported: parts.exported,
    home: parts.home,
    successions: parts.successions,
    key: parts.key,
    sealed: parts.sealed,
  };
}

/** The file's text: the JSON, indented by two spaces, with a final newline. */
export function writeAuthorityFile(file: AuthorityFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads an authority file back onto a PC. Refusals, in the order checked: `not-json`,
 * `unknown-format` (not an authority file), `newer-version`, `file-invalid` (fails the schema),
 * `unsupported-algorithm` (this runtime cannot use the county's kind of key), `tampered` (the records' signatures, the line of successions, or the key does not belong to
 * them; the ciphertext or its parameters edited), `wrong-passphrase`.
 */
export async function readAuthorityFile(text: string, passphrase: string): Promise<{ ok: true; value: RestoredAuthority } | { ok: false; reason: AuthorityFileRefusal; problem: string }> {
  const parsed = parseRecordFile(authorityFileSchema, AUTHORITY_FILE_FORMAT, AUTHORITY_FILE_VERSION, text);
  if (!parsed.ok) return parsed;
  const file = parsed.value;
  const tampered = (problem: string) => ({ ok: false as const, reason: 'tampered' as const, problem });
  if (file.county !== file.home.county || file.demo !== file.home.demo) return tampered('county or demo mark differs from the home record');
  const generation = generationAfter(file.home, file.successions);
  if (generation === undefined || !sameKey(generation.key, file.key)) return tampered('the successions do not lead from the home record to the key');
  for (const record of [file.home, ...file.successions]) {
    const check = await checkRecordSignature(record);
    if (check === 'unsupported-algorithm') return { ok: false, reason: check, problem: `this runtime cannot check ${record.signer.algorithm} signatures` };
    if (check !== 'valid') return tampered(`a ${record.format} record's signature does not hold`);
  }
  const opened = await openSealedKey(file.sealed, passphrase, { purpose: 'authority', county: file.county, key: file.key });
  if (!opened.ok) return { ok: false, reason: opened.reason, problem: opened.reason === 'tampered' ? 'the encrypted key does not open to the key named' : 'wrong passphrase' };
  return { ok: true, value: { home: file.home, successions: file.successions, authority: { publicKey: file.key, privateKey: opened.privateKey } } };
}
