import type { AuthorityRecord } from './authorityRecords';
import { authenticate } from './authorize';
import type { Certificate } from './certificate';
import { trustView } from './chain';
import { prepareMaterial, type Checked, type TrustMaterial } from './material';
import type { ChangeReason } from './reasons';
import { sealIndex, verifyChange } from './verify';

/*
 * Authenticity alone: is each change signed by the PC it names, and is that PC enrolled by this
 * county and not revoked at that change? What `league-desk bundle verify` reports beside integrity,
 * and what an import preview counts per sending PC. Whether the PC's role may write what the
 * change writes is authorization (authorize.ts, decide.ts), which also needs the rows.
 */

export interface Authenticity {
  id: string;
  hash: string;
  device: string;
  result: { ok: true; certificate: Certificate } | { ok: false; reason: ChangeReason };
}

export async function verifyChanges(home: Checked<AuthorityRecord>, material: TrustMaterial): Promise<Authenticity[]> {
  const prepared = await prepareMaterial(material);
  const view = trustView(home, prepared);
  const index = sealIndex(prepared.seals);
  return prepared.changes.map((hashed) => {
    const { change, hash } = hashed;
    const verification = verifyChange(hashed, index);
    if (!verification.ok) return { id: change.id, hash, device: change.device, result: { ok: false, reason: verification.reason } };
    const verdict = authenticate(change, verification, view);
    return {
      id: change.id,
      hash,
      device: change.device,
      result: verdict.ok ? { ok: true, certificate: verdict.certificate.record } : { ok: false, reason: verdict.reason },
    };
  });
}
