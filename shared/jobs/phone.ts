/*
 * Contact phone numbers as county offices write them: a mobile number (11 digits, 1[3-9]…) or a
 * landline with its area code ("0996-4621234", the hyphen optional). Spaces people type between
 * groups ("138 0996 1234") are dropped before checking; nothing else is forgiven, because a wrong
 * digit in a published notice sends young people to nobody.
 */

export const MOBILE_PHONE = /^1[3-9]\d{9}$/;
/** Area code 0 + 2–3 digits (010, 0996), then a 7–8 digit local number. */
export const LANDLINE_PHONE = /^0\d{2,3}-?\d{7,8}$/;

export type PhoneKind = 'mobile' | 'landline';

/** The number as it is stored: spaces removed (full-width digits and hyphens made ASCII). */
export function normalizePhone(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/gu, '')
    .replace(/[\u2010-\u2015\u2212]/gu, '-');
}

export function phoneKind(text: string): PhoneKind | null {
  const phone = normalizePhone(text);
  if (MOBILE_PHONE.test(phone)) return 'mobile';
  if (LANDLINE_PHONE.test(phone)) return 'landline';
  return null;
}

export function isValidPhone(text: string): boolean {
  return phoneKind(text) !== null;
}

/**
 * A person's number as it may appear in an export or a print: the first three and the last four
 * digits of a mobile kept ("138****1234", the style Chinese services use), a landline's area code
 * and last two digits kept ("0996-*****34"). Anything else is masked whole but for its last two
 * characters, so a malformed number never leaks in full either.
 */
export function maskPhone(text: string): string {
  const phone = normalizePhone(text);
  if (phone === '') return '';
  if (MOBILE_PHONE.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const landline = /^(0\d{2,3})(-?)(\d{7,8})$/.exec(phone);
  if (landline) {
    const local = landline[3] ?? '';
    return `${landline[1]}${landline[2]}${'*'.repeat(local.length - 2)}${local.slice(-2)}`;
  }
  const chars = Array.from(phone);
  return '*'.repeat(Math.max(chars.length - 2, 1)) + chars.slice(-2).join('');
}
