import { z } from 'zod';
import { DEVICE_ID_PATTERN } from '../sync/hlc';
import type { MergedRow } from '../sync/row';
import type { DeviceTable } from './tableNames';

/**
 * What people call a PC ("轮台镇团委 1号机"), so that conflicts, cell histories and import previews
 * name the PC that made a change instead of showing its device id.
 *
 * A PC's name is a row of the synced `device` table: row id = device id, one field `name`, written
 * by that PC about itself through the repository like any other write. So a name travels by every
 * path a change does — a full or a peer file on a USB drive, relayed through a third PC, the hub —
 * with no path of its own. Only a name a PC wrote about itself counts (`deviceNames`): another PC
 * cannot rename it. Signed device certificates (a later issue) will carry the same name.
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

export const deviceRowSchema = z.object({ id: z.string().regex(DEVICE_ID_PATTERN), name: deviceNameSchema });

export const DEVICE_ROW_SCHEMAS: Record<DeviceTable, z.ZodObject> = { device: deviceRowSchema };

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

/** The short form of a device id shown where a PC has no name: its first six hex digits. */
export function shortDeviceId(device: string): string {
  return device.slice(0, 6);
}

/**
 * PC names by device id, from the `device` table's rows. A name counts only when the PC it names
 * wrote it (the stamp of its `name` field is that device's), and a deleted row names nothing.
 */
export function deviceNames(rows: readonly MergedRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of rows) {
    if (row['_deleted'] === true || typeof row['name'] !== 'string') continue;
    if (!row._clock['name']?.endsWith(`-${row.id}`)) continue;
    names.set(row.id, row['name']);
  }
  return names;
}
