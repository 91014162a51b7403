import { z } from 'zod';
import { keyIdSchema } from './authorityRecords';
import { keyId, publicKeySchema, type KeyPair } from './keys';
import { parseRecord, type Parsed } from './records';
import { countyCodeSchema, deviceIdSchema, isoInstantSchema, sha256HexSchema, signatureSchema, stampSchema } from './schemas';
import type { VersionVector } from '../sync/vector';
import { signRecord } from './signed';

/*
 * The county withdrawing a PC (lost, stolen, handed to someone else). The cut is where the county's
 * knowledge of the PC ended, never the PC's clock: `frontier` is the greatest stamp of the PC's
 * changes the county held when it revoked, and `seen` the seals of that PC it held. A change of
 * the PC is believed only if it is stamped at or before the frontier and listed in one of those
 * seals: a thief who sets the clock back and writes "old" changes makes new seals, which no
 * revocation lists (`revoked-unseen`).
 *
 * The revocation is of the device: every certificate of that device id, whatever its key. A PC
 * that returns to service is enrolled again under a new device id.
 */

export const REVOCATION_FORMAT = 'league-desk-revocation';

export const REVOCATION_CAUSES = ['lost', 'stolen', 'transferred', 'retired', 'compromised', 'other'] as const;
export type RevocationCause = (typeof REVOCATION_CAUSES)[number];

export const revocationSchema = z
  .strictObject({
    format: z.literal(REVOCATION_FORMAT),
    version: z.literal(1),
    county: countyCodeSchema,
    device: deviceIdSchema,
    /** The greatest stamp of the device's changes the county held; '' when it held none. */
    frontier: z.union([stampSchema, z.literal('')]),
    /** The ids of the device's seals the county held, sorted, each once. */
    seen: z.array(sha256HexSchema).max(1_000_000),
    cause: z.enum(REVOCATION_CAUSES),
    issued: isoInstantSchema,
    issuer: keyIdSchema,
    signer: publicKeySchema,
    signature: signatureSchema,
  })
  .refine((r) => r.frontier === '' || r.frontier.endsWith(r.device), 'the frontier is a stamp of the device')
  .refine((r) => r.seen.every((id, i) => i === 0 || r.seen[i - 1]! < id), 'seen is sorted and has no repeats')
  .refine((r) => r.issuer === keyId(r.signer), 'issuer is the id of the signing key');
export type Revocation = z.infer<typeof revocationSchema>;

export function parseRevocation(value: unknown): Parsed<Revocation> {
  return parseRecord(revocationSchema, REVOCATION_FORMAT, 1, value);
}

/**
 * The county's revocation of a device. The frontier is taken from the county's version vector
 * (vector.ts: per device, the greatest stamp held) — what the county knows, never what the PC says;
 * `seen` are the ids of the device's seals the county holds.
 */
export async function revokeDevice(
  target: { device: string; vector: VersionVector; seen: readonly string[]; cause: RevocationCause },
  authority: { county: string; keys: KeyPair },
  issued: string,
): Promise<Revocation> {
  return signRecord<Omit<Revocation, 'signer' | 'signature'>>(
    {
      format: REVOCATION_FORMAT,
      version: 1,
      county: authority.county,
      device: target.device,
      frontier: target.vector[target.device] ?? '',
      seen: [...new Set(target.seen)].sort(),
      cause: target.cause,
      issued,
      issuer: keyId(authority.keys.publicKey),
    },
    authority.keys,
  );
}
