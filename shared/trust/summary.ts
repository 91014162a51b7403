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
  /** Changes of this PC applied here before and taken back out now, by reason (a revocation arrived that cuts them). */
  takenBack: z.partialRecord(z.enum(CHANGE_REASONS), z.int().positive()).optional(),
});
export type WriterTrust = z.infer<typeof writerTrustSchema>;

export const trustSummarySchema = z.array(writerTrustSchema);

/** Per writing PC, sorted by device id; `decisions` by change hash; `takenBack`, held changes refused now. */
export function summarizeDecisions(
  changes: readonly { change: Change; hash: string }[],
  decisions: ReadonlyMap<string, Decision> | undefined,
  takenBack: readonly { device: string; reason: ChangeReason }[] = [],
): WriterTrust[] {
  const byDevice = new Map<string, WriterTrust>();
  const of = (device: string) => {
    let entry = byDevice.get(device);
    if (entry === undefined) byDevice.set(device, (entry = { device, authorized: 0, unverified: 0, refused: {} }));
    return entry;
  };
  for (const { device, reason } of takenBack) {
    const entry = of(device);
    entry.takenBack = { ...entry.takenBack, [reason]: (entry.takenBack?.[reason] ?? 0) + 1 };
  }
  for (const { change, hash } of changes) {
    const entry = of(change.device);
    const decision = decisions?.get(hash);
    if (decision === undefined) entry.unverified += 1;
    else if (decision.status === 'accepted') entry.authorized += 1;
    else entry.refused[decision.reason as ChangeReason] = (entry.refused[decision.reason] ?? 0) + 1;
  }
  return trustSummarySchema.parse([...byDevice.values()].sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : 0)));
}
