import { z } from 'zod';
import { authorityRecordSchema, type AuthorityRecord } from './authorityRecords';
import { carriedMaterial } from './carried';
import type { Certificate } from './certificate';
import { newestStanding, trustView } from './chain';
import { sameKey, type PublicKey } from './keys';
import { checkAuthorityRecord, prepareMaterial } from './material';
import { parseRecordFile } from './records';
import { countyCodeSchema, deviceIdSchema, isoInstantSchema } from './schemas';

/*
 * The county's answer to an enrollment request: `<county>-<device>.leaguecert`, a UTF-8 JSON file
 * the person carries back from the county office. It holds the county's authority record (which the
 * PC pins as its home) and the county's carried records: every succession, certificate and
 * revocation the county PC held when it issued, among them the new certificate for the asking PC.
 * It needs no signature of its own: each record in it is signed, and the PC takes the file only if
 * a certificate for its own device id and key is in it and stands under that authority.
 */

export const ANSWER_FORMAT = 'league-desk-enrollment-answer';
export const ANSWER_VERSION = 1;

export const answerSchema = z.strictObject({
  format: z.literal(ANSWER_FORMAT),
  version: z.literal(ANSWER_VERSION),
  county: countyCodeSchema,
  /** The device the answer is for (its enrollment request's `device`). */
  device: deviceIdSchema,
  issued: isoInstantSchema,
  home: authorityRecordSchema,
  /** Carried trust records (successions, certificates, revocations): checked one by one on reading. */
  records: z.array(z.record(z.string(), z.unknown())).max(100_000),
});
export type EnrollmentAnswer = z.infer<typeof answerSchema>;

export function enrollmentAnswer(parts: { home: AuthorityRecord; device: string; issued: string; records: readonly object[] }): EnrollmentAnswer {
  return {
    format: ANSWER_FORMAT,
    version: ANSWER_VERSION,
    county: parts.home.county,
    device: parts.device,
    issued: parts.issued,
    home: parts.home,
    records: parts.records as Record<string, unknown>[],
  };
}

export function writeEnrollmentAnswer(answer: EnrollmentAnswer): string {
  return `${JSON.stringify(answer, null, 2)}\n`;
}

/** Why a PC does not take an answer file. */
export const ANSWER_REFUSALS = ['not-json', 'unknown-format', 'newer-version', 'file-invalid', 'home-invalid', 'not-for-this-pc', 'not-from-county', 'revoked'] as const;
export type AnswerRefusal = (typeof ANSWER_REFUSALS)[number];

export interface ReadAnswer {
  home: AuthorityRecord;
  /** This PC's certificate that stands under the home authority (the latest issued, if several). */
  certificate: Certificate;
  /** The file's carried records that parse (signatures are judged where they are used), to keep. */
  records: object[];
}

/**
 * Reads an answer file for the PC with `device` and `key`. Refusals, in the order checked:
 * `not-json`, `unknown-format`, `newer-version`, `file-invalid`, `home-invalid` (the authority
 * record's own signature fails), `not-for-this-pc` (no certificate for this device id and key),
 * `not-from-county` (there is one, but the county's authority did not sign it), `revoked` (the
 * county has revoked this PC).
 */
export async function readEnrollmentAnswer(
  text: string,
  pc: { device: string; key: PublicKey },
): Promise<{ ok: true; value: ReadAnswer } | { ok: false; reason: AnswerRefusal; problem: string }> {
  const parsed = parseRecordFile(answerSchema, ANSWER_FORMAT, ANSWER_VERSION, text);
  if (!parsed.ok) return parsed;
  const answer = parsed.value;
  const home = await checkAuthorityRecord(answer.home);
  if (!home.ok || home.value.signature !== 'valid' || answer.county !== answer.home.county) {
    return { ok: false, reason: 'home-invalid', problem: 'the county authority record does not hold' };
  }
  const material = await prepareMaterial(carriedMaterial(answer.records));
  const view = trustView(home.value, material);
  const mine = (view.certificates.get(pc.device) ?? []).filter((c) => sameKey(c.checked.record.key, pc.key));
  if (mine.length === 0) return { ok: false, reason: 'not-for-this-pc', problem: `no certificate for device ${pc.device} and its key` };
  const certificate = newestStanding(mine);
  if (certificate === undefined) return { ok: false, reason: 'not-from-county', problem: 'the certificate is not signed by the county authority' };
  if ((view.revocations.get(pc.device) ?? []).length > 0) return { ok: false, reason: 'revoked', problem: 'the county has revoked this PC' };
  const records = [...material.successions, ...material.certificates, ...material.revocations].map((c) => c.record as object);
  return { ok: true, value: { home: answer.home, certificate, records } };
}
