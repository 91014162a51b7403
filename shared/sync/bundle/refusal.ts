/**
 * Why a bundle was refused. Each reason has a fixed detail shape, so the localized message for it
 * (locales/<lang>/bundle.json, key `refusal.<reason>`) can rely on its placeholders being there.
 * Every detail also carries `problem`: one technical English sentence for logs and support, never
 * shown as the message itself.
 */
export interface RefusalDetails {
  /** Not a zip file at all (or its zip structure is broken beyond reading). */
  'not-a-zip': { problem: string };
  /** A zip whose end is missing: the copy was cut short. */
  truncated: { problem: string };
  /** Made by a newer League Desk whose bundle format this build does not know. */
  'newer-format': { problem: string; version: number };
  /** A zip, but not a League Desk bundle (or one using zip features bundles never use). */
  'unknown-format': { problem: string };
  /** manifest.json is not valid, or disagrees with what the bundle holds. */
  'manifest-invalid': { problem: string };
  /** A part the manifest lists is not in the zip. */
  'part-missing': { problem: string; entry: string };
  /** A part's content does not match its checksum: damaged or altered. */
  'hash-mismatch': { problem: string; entry: string };
  /** A line of changes.ndjson is not a valid change record. Lines count from 1. */
  'record-invalid': { problem: string; line: number };
  /** An entry name that could escape a folder if extracted (`..`, `/x`, `C:`, backslashes, …). */
  'unsafe-entry-name': { problem: string; entry: string };
  /** One part is larger than this PC accepts. */
  'entry-too-large': { problem: string; entry: string; size: number; limit: number };
  /** All parts together are larger than this PC accepts. */
  'bundle-too-large': { problem: string; size: number; limit: number };
  /** A part that inflates far beyond its compressed size, or overlapping entries. */
  'compression-bomb': { problem: string; entry: string };
  /** The same change id twice with different content. */
  'duplicate-change': { problem: string; id: string; line: number };
  /** The bundle belongs to another county than the one this PC keeps. */
  'wrong-county': { problem: string; expected: string; found: string };
  /** An entry the manifest does not list. */
  'unexpected-entry': { problem: string; entry: string };
  /** A line of trust.ndjson is not a trust record this build can read (version 3). Lines count from 1. */
  'trust-invalid': { problem: string; line: number };
  /** More changes this build would park (newer schema, unknown table or field) than one sender may leave here. */
  'too-many-parked': { problem: string; parked: number; limit: number };
}

export type RefusalReason = keyof RefusalDetails;

/** Every reason code, in the order the checks run; the locale files hold one message per code. */
export const REFUSAL_REASONS = [
  'not-a-zip',
  'truncated',
  'unknown-format',
  'unsafe-entry-name',
  'entry-too-large',
  'bundle-too-large',
  'compression-bomb',
  'newer-format',
  'manifest-invalid',
  'wrong-county',
  'unexpected-entry',
  'part-missing',
  'hash-mismatch',
  'record-invalid',
  'duplicate-change',
  'trust-invalid',
  'too-many-parked',
] as const satisfies readonly RefusalReason[];

/** Compile-time check that the list above names every reason: a reason left out fails the typecheck. */
const _everyReasonListed: [Exclude<RefusalReason, (typeof REFUSAL_REASONS)[number]>] extends [never] ? true : never = true;

/** A refusal: the reason code and its detail, typed together. */
export type BundleRefusal = { [R in RefusalReason]: { ok: false; reason: R; detail: RefusalDetails[R] } }[RefusalReason];

export function refuse<R extends RefusalReason>(reason: R, detail: RefusalDetails[R]): BundleRefusal {
  // The problem text quotes bytes from the file (names, keys, values): escaped here, once, so no
  // caller can forget it before printing.
  return { ok: false, reason, detail: { ...detail, problem: escapeControls(detail.problem) } } as BundleRefusal;
}

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a file, made safe to show: control characters (a terminal escape sequence) and
 * bidirectional-formatting characters (which can reorder a Uyghur sentence around them) escaped as
 * \uXXXX.
 */
export function escapeControls(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An entry name as it may be shown: escaped, and cut short. */
export function printableName(name: string): string {
  const escaped = escapeControls(name);
  return escaped.length > 120 ? `${escaped.slice(0, 120)}…` : escaped;
}
