import type { Change } from '../change';
import type { BundleKind } from './manifest';

/**
 * Does the sender's version vector agree with the changes? It must cover every change (the sender
 * has applied what it sends), and for a full bundle, which holds everything the sender has, it must
 * be exactly the greatest stamp per device. A receiver records this vector as what the sender
 * knows, so a vector that claims more than the bundle backs up would make later exports skip data.
 * Null when it agrees. Changes must be in clock order.
 */
export function vectorProblem(vector: Readonly<Record<string, string>>, changes: readonly Change[], kind: BundleKind): string | null {
  const greatest = new Map<string, string>();
  for (const change of changes) greatest.set(change.device, change.hlc);
  for (const [device, hlc] of greatest) {
    const known = Object.hasOwn(vector, device) ? vector[device] : undefined;
    if (known === undefined || known < hlc) return `change ${hlc} is beyond the vector's entry for device ${device}`;
    if (kind === 'full' && known !== hlc) return `a full bundle's vector says ${known} for device ${device}, its last change is ${hlc}`;
  }
  if (kind === 'full') {
    const extra = Object.keys(vector).find((device) => !greatest.has(device));
    if (extra !== undefined) return `a full bundle's vector names device ${extra}, which has no change in it`;
  }
  return null;
}
