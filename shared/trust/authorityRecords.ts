import { z } from 'zod';
import { keyId, publicKeySchema, sameKey, type PublicKey } from './keys';
import { parseRecord, type Parsed } from './records';
import { sealedKeySchema } from './sealedKey';
import { base64UrlBytes, bilingualNameSchema, countyCodeSchema, isoInstantSchema, signatureSchema } from './schemas';

/*
 * The county's identity: its authority key, declared once by a self-signed authority record made
 * when the county office sets up League Desk, and handed on by succession records. Every PC of the
 * county keeps the authority record it was enrolled under (its "home"), and believes a certificate
 * only if its signer is that record's key or a successor of it — never because of data (an
 * organisation row) that a change can write.
 *
 * Each generation of the authority has two keys: the authority key, which signs certificates,
 * revocations and the next succession, and a recovery key, whose only use is to sign a succession
 * when the authority key is lost. The recovery private key travels inside the record itself,
 * encrypted under the recovery code printed at setup (sealedKey.ts): whoever has the paper and any
 * PC or file of the county can name a new authority key; whoever has only the file cannot.
 */

export const AUTHORITY_FORMAT = 'league-desk-authority';
export const SUCCESSION_FORMAT = 'league-desk-succession';

export const keyIdSchema = base64UrlBytes(32);

export const recoverySchema = z.strictObject({
  /** The recovery key's public half. */
  key: publicKeySchema,
  /** Its private half, encrypted under the printed recovery code (purpose `recovery`). */
  sealed: sealedKeySchema,
});
export type Recovery = z.infer<typeof recoverySchema>;

export const authorityRecordSchema = z
  .strictObject({
    format: z.literal(AUTHORITY_FORMAT),
    version: z.literal(1),
    /** The county's code: every certificate it issues is for this county. */
    county: countyCodeSchema,
    name: bilingualNameSchema.optional(),
    /** True only for the demo county, whose private keys are published with the app. */
    demo: z.boolean(),
    created: isoInstantSchema,
    key: publicKeySchema,
    recovery: recoverySchema,
    signer: publicKeySchema,
    signature: signatureSchema,
  })
  .refine((r) => sameKey(r.signer, r.key), 'an authority record is signed by its own key')
  .refine((r) => !sameKey(r.key, r.recovery.key), 'the recovery key is another key');
export type AuthorityRecord = z.infer<typeof authorityRecordSchema>;

export const successionSchema = z
  .strictObject({
    format: z.literal(SUCCESSION_FORMAT),
    version: z.literal(1),
    county: countyCodeSchema,
    /** The id of the authority key being succeeded. */
    previous: keyIdSchema,
    /** From when the new key speaks for the county; the previous key's signatures made later are not believed. */
    at: isoInstantSchema,
    key: publicKeySchema,
    recovery: recoverySchema,
    /** The previous authority key, or that generation's recovery key when the authority key is lost. */
    signer: publicKeySchema,
    signature: signatureSchema,
  })
  .refine((r) => !sameKey(r.key, r.recovery.key), 'the recovery key is another key');
export type Succession = z.infer<typeof successionSchema>;

export function parseAuthorityRecord(value: unknown): Parsed<AuthorityRecord> {
  return parseRecord(authorityRecordSchema, AUTHORITY_FORMAT, 1, value);
}

export function parseSuccession(value: unknown): Parsed<Succession> {
  return parseRecord(successionSchema, SUCCESSION_FORMAT, 1, value);
}

/** One generation of the county's authority: its two keys and since when it speaks. */
export interface Generation {
  key: PublicKey;
  recovery: Recovery;
  since: string;
}

export function firstGeneration(record: AuthorityRecord): Generation {
  return { key: record.key, recovery: record.recovery, since: record.created };
}

export function nextGeneration(succession: Succession): Generation {
  return { key: succession.key, recovery: succession.recovery, since: succession.at };
}

/**
 * The generation a line of successions (oldest first) leads to from the home record, or why it does
 * not: each must name the previous generation's key and be signed by one of its two keys. Signatures
 * themselves are checked apart (checkRecordSignature); this is the shape of the line.
 */
export function generationAfter(home: AuthorityRecord, successions: readonly Succession[]): Generation | undefined {
  let current = firstGeneration(home);
  for (const succession of successions) {
    if (succession.county !== home.county || succession.previous !== keyId(current.key)) return undefined;
    if (!sameKey(succession.signer, current.key) && !sameKey(succession.signer, current.recovery.key)) return undefined;
    current = nextGeneration(succession);
  }
  return current;
}
