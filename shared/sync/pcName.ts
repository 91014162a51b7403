import { z } from 'zod';

/*
 * What a PC name may be ("轮台镇团委 1号机"). A bundle's manifest carries its sender's name
 * (`sender.name`), so the rule is the sync core's; the devices feature stores the same names in its
 * synced `device` table (shared/devices/names.ts).
 */

/** Long enough for a Uyghur name of a committee and a PC number; short enough for a table cell. */
export const DEVICE_NAME_MAX = 60;

/**
 * Control characters, and the bidi marks, embeddings and isolates: a name is shown inside sentences
 * of both directions, isolated by the app; characters of its own could reorder the text around it.
 */
const FORBIDDEN_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A PC name as stored and as carried in a bundle's manifest: already tidied by `checkDeviceName`. */
export const deviceNameSchema = z
  .string()
  .min(1)
  .max(DEVICE_NAME_MAX)
  .refine((name) => !FORBIDDEN_CHARACTERS.test(name), 'control or bidi characters')
  .refine((name) => name === tidy(name), 'surrounding or repeated spaces');

export type DeviceNameProblem = 'empty' | 'too-long' | 'control-characters';

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A name as typed, tidied (spaces trimmed, runs of spaces made one), or why it cannot be a name. */
export function checkDeviceName(typed: string): { ok: true; name: string } | { ok: false; reason: DeviceNameProblem } {
  const name = tidy(typed);
  if (name === '') return { ok: false, reason: 'empty' };
  if (FORBIDDEN_CHARACTERS.test(name)) return { ok: false, reason: 'control-characters' };
  if (name.length > DEVICE_NAME_MAX) return { ok: false, reason: 'too-long' };
  return { ok: true, name };
}
