import { z } from 'zod';
import type { Change } from '../sync/change';
import { DEVICE_ID_PATTERN } from '../sync/hlc';
import type { Decision } from './decide';
import { CHANGE_REASONS, type ChangeReason } from './reasons';

/*
 * What an import preview says about trust, per PC that wrote the changes (not per file: a file
 * relays other PCs' changes, and each is judged as its writer's): how many are authorized, how
 * many refused and why. `unverified` counts changes nothing was decided for (this PC has no home
 * authority pinned yet: it works alone).
 */

export const writerTrustSchema = z.strictObject({
  device: z.string().regex(DEVICE_ID_PATTERN),
  authorized: z.int().nonnegative(),
  unverified: z.int().nonnegative(),
  refused: z.partialRecord(z.enum(CHANGE_REASONS), z.int().positive()),
});
export type WriterTrust = z.infer<typeof writerTrustSchema>;

export const trustSummarySchema = z.array(writerTrustSchema);

/** Per writing PC, sorted by device id; `decisions` by change hash, `hashOf` the hash of each change. */
export function summarizeDecisions(changes: readonly { change: Change; hash: string }[], decisions: ReadonlyMap<string, Decision> | undefined): WriterTrust[] {
  const byDevice = new Map<string, WriterTrust>();
  for (const { change, hash } of changes) {
    let entry = byDevice.get(change.device);
    if (entry === undefined) byDevice.set(change.device, (entry = { device: change.device, authorized: 0, unverified: 0, refused: {} }));
    const decision = decisions?.get(hash);
    if (decision === undefined) entry.unverified += 1;
    else if (decision.status === 'accepted') entry.authorized += 1;
    else entry.refused[decision.reason as ChangeReason] = (entry.refused[decision.reason] ?? 0) + 1;
  }
  return trustSummarySchema.parse([...byDevice.values()].sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : 0)));
}
