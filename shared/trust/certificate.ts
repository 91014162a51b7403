import { z } from 'zod';
import { isWithinScope, orgCodeSchema } from '../sync/scope';
import type { EnrollmentRequest } from './enrollment';
import { keyId, publicKeySchema, type KeyPair } from './keys';
import { parseRecord, type Parsed } from './records';
import { countyCodeSchema, deviceIdSchema, isoInstantSchema, nameSchema, signatureSchema } from './schemas';
import { keyIdSchema } from './authorityRecords';
import { signRecord } from './signed';
import { randomBytes } from './webcrypto';
import { toHex } from './encoding';

/*
 * A device certificate: the county's word that a PC (device id and public key) may write, in a role
 * and within an organisation's scope, for a time. Certificates travel with bundles and hub syncs and
 * every PC keeps them all; a change is believed only as its author's certificate allows (authorize.ts).
 */

export const CERTIFICATE_FORMAT = 'league-desk-certificate';

/**
 * - countyAdmin: everything in the county (its scope is the county's code);
 * - townshipOfficer: figures, notes and submission for organisations inside its scope, and notices
 *   and placements for it where the county grants `jobs`;
 * - judge: the scores its certificate names (`judging`);
 * - viewer: reads and exports; writes only its own PC name.
 */
export const ROLES = ['countyAdmin', 'townshipOfficer', 'judge', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What the county may add to a township officer's role. */
export const GRANTS = ['jobs'] as const;
export type Grant = (typeof GRANTS)[number];

const localId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const certificateSchema = z
  .strictObject({
    format: z.literal(CERTIFICATE_FORMAT),
    version: z.literal(1),
    county: countyCodeSchema,
    /** 16 hex digits, random: tells two certificates of one PC apart. */
    serial: z.string().regex(/^[0-9a-f]{16}$/),
    device: deviceIdSchema,
    /** The PC's name, from its enrollment request (or as the county corrected it). */
    name: nameSchema,
    key: publicKeySchema,
    role: z.enum(ROLES),
    /** An organisation code: what the PC's writes must lie within. */
    scope: orgCodeSchema,
    grants: z.array(z.enum(GRANTS)).max(GRANTS.length),
    /** A judge's assignments: the contests, and the judge id it scores as in each. */
    judging: z.array(z.strictObject({ contest: z.string().min(1).max(128), judge: localId })).max(200).optional(),
    /** The changes it covers are stamped from `validFrom` (included) to `validTo` (excluded). */
    validFrom: isoInstantSchema,
    validTo: isoInstantSchema,
    issued: isoInstantSchema,
    /** The authority key that issued it (the id of `signer`). */
    issuer: keyIdSchema,
    signer: publicKeySchema,
    signature: signatureSchema,
  })
  .refine((c) => c.issuer === keyId(c.signer), 'issuer is the id of the signing key')
  .superRefine((c, ctx) => {
    const problem = issuingProblem(c);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });
export type Certificate = z.infer<typeof certificateSchema>;

export function parseCertificate(value: unknown): Parsed<Certificate> {
  return parseRecord(certificateSchema, CERTIFICATE_FORMAT, 1, value);
}

export const ISSUING_REFUSALS = ['scope-outside-county', 'county-admin-scope', 'validity-empty', 'judging-only-for-judges'] as const;
export type IssuingRefusal = (typeof ISSUING_REFUSALS)[number];

interface Terms {
  county: string;
  role: Role;
  scope: string;
  validFrom: string;
  validTo: string;
  judging?: readonly unknown[];
}

function issuingProblem(terms: Terms): IssuingRefusal | undefined {
  if (!isWithinScope(terms.scope, terms.county)) return 'scope-outside-county';
  if (terms.role === 'countyAdmin' && terms.scope !== terms.county) return 'county-admin-scope';
  if (terms.validFrom >= terms.validTo) return 'validity-empty';
  if (terms.judging !== undefined && terms.role !== 'judge') return 'judging-only-for-judges';
  return undefined;
}

export interface CertificateTerms {
  role: Role;
  scope: string;
  grants?: Grant[];
  judging?: Certificate['judging'];
  validFrom: string;
  validTo: string;
  /** The PC's name if the county corrects the one in the request. */
  name?: string;
}

/**
 * The certificate for an enrollment request (already read and its fingerprint checked by a
 * person), signed by the county's current authority key.
 */
export async function issueCertificate(
  request: EnrollmentRequest,
  terms: CertificateTerms,
  authority: { county: string; keys: KeyPair },
  issued: string,
  serial: string = toHex(randomBytes(8)),
): Promise<{ ok: true; value: Certificate } | { ok: false; reason: IssuingRefusal }> {
  const body: Omit<Certificate, 'signer' | 'signature'> = {
    format: CERTIFICATE_FORMAT,
    version: 1,
    county: authority.county,
    serial,
    device: request.device,
    name: terms.name ?? request.name,
    key: request.key,
    role: terms.role,
    scope: terms.scope,
    grants: [...new Set(terms.grants ?? [])].sort(),
    ...(terms.judging === undefined ? {} : { judging: terms.judging }),
    validFrom: terms.validFrom,
    validTo: terms.validTo,
    issued,
    issuer: keyId(authority.keys.publicKey),
  };
  const problem = issuingProblem(body);
  if (problem !== undefined) return { ok: false, reason: problem };
  return { ok: true, value: await signRecord(body, authority.keys) };
}
