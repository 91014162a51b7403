import { z } from 'zod';
import { DEVICE_ID_PATTERN, HLC_PATTERN } from '../sync/hlc';
import { COUNTY_CODE_PATTERN } from '../sync/scope';
import { BASE64URL_PATTERN, fromBase64Url } from './encoding';

/** The pieces every trust record is made of, checked the same way everywhere. */

/**
 * An instant as `Date.prototype.toISOString` writes it (`2026-01-25T00:00:00.000Z`), exactly: then
 * it sorts as text, and compares as text with a clock stamp's first 24 characters.
 */
export const isoInstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .refine((text) => !Number.isNaN(Date.parse(text)) && new Date(Date.parse(text)).toISOString() === text, 'not a real instant');

/** A county's code: a root organisation code (`LT`). */
export const countyCodeSchema = z.string().regex(COUNTY_CODE_PATTERN);
export const deviceIdSchema = z.string().regex(DEVICE_ID_PATTERN);
export const stampSchema = z.string().regex(HLC_PATTERN);
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const signatureSchema = z.string().regex(BASE64URL_PATTERN).max(200);

/** Base64url of exactly `length` bytes. */
export function base64UrlBytes(length: number) {
  return z.string().refine((text) => fromBase64Url(text)?.length === length, `not ${length} bytes in base64url`);
}

/** A person's or a PC's name as records carry it: 1–120 characters, no control characters. */
export const nameSchema = z
  .string()
  .min(1)
  .max(120)
  .refine((text) => !/[\p{Cc}\p{Cf}]/u.test(text), 'control or format characters');

export const bilingualNameSchema = z.strictObject({ zh: z.string().max(120).optional(), ug: z.string().max(120).optional() });

/** The wall-clock part of a clock stamp, comparable as text with an ISO instant. */
export function stampTime(stamp: string): string {
  return stamp.slice(0, 24);
}
