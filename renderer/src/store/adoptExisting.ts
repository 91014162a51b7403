import { adoptionIndex } from '../../../shared/trust/adoption';
import type { AuthorityRecord } from '../../../shared/trust/authorityRecords';
import type { Certificate } from '../../../shared/trust/certificate';
import { trustView } from '../../../shared/trust/chain';
import { checkpointTime, makeCheckpoint, type Checkpoint } from '../../../shared/trust/checkpoint';
import { decideAll } from '../../../shared/trust/decide';
import type { KeyPair } from '../../../shared/trust/keys';
import { checkAuthorityRecord, prepareMaterial } from '../../../shared/trust/material';
import { stampTime } from '../../../shared/trust/schemas';
import { allChanges } from './changeLog';
import type { LeagueDeskDb } from './db';
import { LOG_STORE } from './logPages';
import { readTrustMaterial, TRUST_STORE } from './trustStore';
import { inTransaction } from './tx';

/*
 * The county adopting data written before trust (docs/ARCHITECTURE.md, "Adopting data written
 * before trust"; the record: shared/trust/checkpoint.ts). When a PC becomes the county's PC (set up
 * or restored), every change it holds that nothing else authorizes — no seal of a certified PC
 * vouches for it, or its certificate starts later, as this PC's own does — is listed in a
 * checkpoint signed by the county's authority key. Every PC then takes those changes as the
 * county's, so the county's rows are every PC's.
 *
 * Read in one transaction, decided and signed after it (WebCrypto is never awaited inside one);
 * the caller stores the pages with the PC's certificate in its own transaction. Once per county:
 * where a checkpoint of the county is held already, only changes stamped before its cut are
 * listed (the others no PC would adopt).
 */

/** The checkpoint pages adopting what this PC holds, empty when nothing needs adopting. */
export async function adoptExisting(
  db: LeagueDeskDb,
  home: AuthorityRecord,
  authority: { county: string; keys: KeyPair },
  certificate: Certificate,
  now: Date,
  pageSize?: number,
): Promise<Checkpoint[]> {
  const { changes, records } = await inTransaction(db, 'r', ['meta', LOG_STORE, TRUST_STORE], async (tx) => ({
    changes: await allChanges(tx),
    records: await readTrustMaterial(tx),
  }));
  if (changes.length === 0) return [];
  const checked = await checkAuthorityRecord(home);
  if (!checked.ok) throw new Error(`home authority: ${checked.problem}`);
  const material = await prepareMaterial({ ...records, certificates: [...records.certificates, certificate], changes });
  const decisions = decideAll(checked.value, material, db.registry.rules);
  const { cut } = adoptionIndex(material.checkpoints, trustView(checked.value, material));
  const unvouched = material.changes.filter((c) => decisions.get(c.hash)?.status !== 'accepted' && (cut === undefined || stampTime(c.change.hlc) < cut));
  if (unvouched.length === 0) return [];
  return makeCheckpoint(unvouched, authority, checkpointTime(unvouched, now), pageSize);
}
