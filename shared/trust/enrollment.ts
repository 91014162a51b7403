import { z } from 'zod';
import { fingerprint, publicKeySchema, sameKey, type KeyPair } from './keys';
import { parseRecord, type RecordRefusal } from './records';
import { deviceIdSchema, isoInstantSchema, nameSchema, signatureSchema } from './schemas';
import { checkRecordSignature, signRecord } from './signed';

/*
 * A PC asking to join the county: it writes this request to a file (`<device>.leaguejoin`), the
 * person carries it to the county office, and reads the PC's fingerprint out over the phone (or
 * the county reads it off the screen) so the county knows the file is the one that PC wrote. The
 * request is signed by the key it offers, which proves the PC holds that key's private half.
 */

export const ENROLLMENT_FORMAT = 'league-desk-enrollment';

export const enrollmentRequestSchema = z
  .strictObject({
    format: z.literal(ENROLLMENT_FORMAT),
    version: z.literal(1),
    /** The device id the PC stamps its changes with, and asks to keep. */
    device: deviceIdSchema,
    /** The PC's name as its people call it ("轮台镇团委 1号机"). */
    name: nameSchema,
    key: publicKeySchema,
    created: isoInstantSchema,
    signer: publicKeySchema,
    signature: signatureSchema,
  })
  .refine((r) => sameKey(r.key, r.signer), 'a request is signed by the key it offers');
export type EnrollmentRequest = z.infer<typeof enrollmentRequestSchema>;

export async function createEnrollmentRequest(device: { id: string; name: string; keys: KeyPair }, created: string): Promise<EnrollmentRequest> {
  return signRecord<Omit<EnrollmentRequest, 'signer' | 'signature'>>(
    { format: ENROLLMENT_FORMAT, version: 1, device: device.id, name: device.name, key: device.keys.publicKey, created },
    device.keys,
  );
}

export type EnrollmentRefusal = RecordRefusal | 'bad-signature' | 'unsupported-algorithm';

/** A request read from a file, checked, with the fingerprint the person should hear. */
export async function readEnrollmentRequest(value: unknown): Promise<{ ok: true; value: EnrollmentRequest; fingerprint: string } | { ok: false; reason: EnrollmentRefusal; problem: string }> {
  const parsed = parseRecord(enrollmentRequestSchema, ENROLLMENT_FORMAT, 1, value);
  if (!parsed.ok) return parsed;
  const check = await checkRecordSignature(parsed.value);
  if (check === 'invalid') return { ok: false, reason: 'bad-signature', problem: 'the request is not signed by the key it offers' };
  if (check === 'unsupported-algorithm') return { ok: false, reason: check, problem: `cannot check ${parsed.value.key.algorithm} here` };
  return { ok: true, value: parsed.value, fingerprint: fingerprint(parsed.value.key) };
}
