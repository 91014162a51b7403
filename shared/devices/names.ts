import { z } from 'zod';
import { DEVICE_ID_PATTERN } from '../sync/hlc';
import { deviceNameSchema } from '../sync/pcName';
import type { Change } from '../sync/change';
import type { MergedRow } from '../sync/row';

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

export const deviceRowSchema = z.object({ id: z.string().regex(DEVICE_ID_PATTERN), name: deviceNameSchema });

/** The short form of a device id shown where a PC has no name: its first six hex digits. */
export function shortDeviceId(device: string): string {
  return device.slice(0, 6);
}

/**
 * The name a certificate or an enrolment request gives a PC nobody has named: its short id, which
 * screens show the way they show any unnamed PC ("电脑 9bc5df", in the reader's language).
 */
export function nameForCertificate(name: string | undefined, device: string): string {
  return name ?? shortDeviceId(device);
}

/** A certificate's name as a person gave it, or undefined when it is the stand-in (`nameForCertificate`, or `PC <id>` of earlier builds). */
export function givenName(name: string, device: string): string | undefined {
  return name === shortDeviceId(device) || name === `PC ${device}` ? undefined : name;
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

/**
 * PC names that changes not applied yet carry (a file's own `device` rows, before its import): by
 * the same rule as `deviceNames` — a name counts only when the PC it names wrote it — the latest
 * stamp winning. So an import preview names a PC whose name travels in the same file.
 */
export function carriedDeviceNames(changes: Iterable<Change>): Map<string, string> {
  const latest = new Map<string, { id: string; name: string }>();
  for (const change of changes) {
    if (change.table !== 'device' || change.row !== change.device) continue;
    const name = deviceNameSchema.safeParse(change.fields['name']);
    if (!name.success) continue;
    const held = latest.get(change.row);
    if (!held || held.id < change.id) latest.set(change.row, { id: change.id, name: name.data });
  }
  return new Map([...latest].map(([device, { name }]) => [device, name]));
}
