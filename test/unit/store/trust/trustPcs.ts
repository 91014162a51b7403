import { issueCertificate, type Certificate, type CertificateTerms } from '../../../../shared/trust/certificate';
import { createEnrollmentRequest } from '../../../../shared/trust/enrollment';
import { applyReviewedImport, exportBundle, reviewImport, type ExportedBundle, type ImportOutcome, type ImportReview } from '../../../../renderer/src/features/sync/syncService';
import { openStore, type Store } from '../../../../renderer/src/store/store';
import { holdTrustRecords, pinHomeAuthority } from '../../../../renderer/src/store/trustStore';
import { DEFAULT_VALIDITY, ISO, makeCounty, T0, DAY, type County } from '../../trust/trustFixtures';
import { freshDb } from '../fakeDb';
import type { Change } from '../../../../shared/sync/change';
import { writeLocally } from '../../../../shared/sync/localWrite';
import type { WriteSpec } from '../../../../shared/sync/write';
import { inSyncTransaction } from '../../../../renderer/src/store/dexieAccess';
import { sealWritten } from '../../../../renderer/src/store/sealing';
import { syncWithHub, type HubSyncOutcome } from '../../../../shared/sync/hub/client';
import { dexieHubLocal } from '../../../../renderer/src/store/hubStore';
import type { FakeHub } from '../../hub/fakeHub';

/**
 * PCs of one county as stores (fake-indexeddb), enforcing trust: each pins the county's authority
 * and, when enrolled, holds its own certificate, as enrollment will leave it.
 */

export async function countyPcStore(county: County): Promise<Store> {
  const store = await openStore(freshDb(), { enforceTrust: true });
  const pinned = await pinHomeAuthority(store.db, county.created.record);
  if (!pinned.ok) throw new Error(pinned.reason);
  return store;
}

/** The certificate the county issues for a store's own key. */
export async function certificateFor(county: County, store: Store, terms: Partial<CertificateTerms> & Pick<CertificateTerms, 'role' | 'scope'>): Promise<Certificate> {
  const request = await createEnrollmentRequest({ id: store.device.id, name: `PC ${store.device.id}`, keys: store.device.keys }, ISO(T0 - 6 * DAY));
  const issued = await issueCertificate(request, { ...DEFAULT_VALIDITY, validFrom: ISO(T0 - 365 * DAY), validTo: ISO(T0 + 3650 * DAY), ...terms }, county.authority, ISO(T0 - 5 * DAY));
  if (!issued.ok) throw new Error(issued.reason);
  return issued.value;
}

export async function enrolledPc(county: County, terms: Partial<CertificateTerms> & Pick<CertificateTerms, 'role' | 'scope'>): Promise<{ store: Store; certificate: Certificate }> {
  const store = await countyPcStore(county);
  const certificate = await certificateFor(county, store, terms);
  await holdTrustRecords(store.db, [certificate]);
  return { store, certificate };
}

/** A county's PCs in a test: the county PC and two enrolled township PCs (LT-03, LT-05). */
export interface TownshipWorld {
  county: County;
  countyPc: Store;
  lt03: Store;
  lt05: Store;
}

/** The county PC writes the small county; two enrolled township PCs import it by USB. */
export async function townshipWorld(): Promise<TownshipWorld> {
  const county = await makeCounty('LT');
  const { store: countyPc } = await enrolledPc(county, { role: 'countyAdmin', scope: 'LT' });
  await writeSmallCounty(countyPc);
  const { store: lt03 } = await enrolledPc(county, { role: 'townshipOfficer', scope: 'LT-03' });
  const { store: lt05 } = await enrolledPc(county, { role: 'townshipOfficer', scope: 'LT-05' });
  const tree = await fullFile(countyPc);
  await importFiles(lt03, tree);
  await importFiles(lt05, tree);
  return { county, countyPc, lt03, lt05 };
}

/** The small county the county PC writes: LT with townships LT-03 and LT-05, an open round, a draft report each. */
export const ROUND = 'round-2026';
export const report = (code: string) => `${ROUND}:org-${code}`;

export async function writeSmallCounty(store: Store): Promise<void> {
  const townships = ['LT-03', 'LT-05'];
  await store.repo.write([
    { table: 'org', row: 'org-LT', scope: 'LT', fields: { code: 'LT', name: { zh: '团县委' }, kind: 'county', parentId: null, archived: false } },
    ...townships.map((code) => ({ table: 'org', row: `org-${code}`, scope: code, fields: { code, name: { zh: code }, kind: 'township', parentId: 'org-LT', archived: false } })),
    { table: 'round', row: ROUND, scope: 'LT', fields: { period: '2026', deadline: '2027-01-20', status: 'open', orgIds: townships.map((c) => `org-${c}`), figures: ['members', 'youth1428'] } },
    ...townships.map((code) => ({ table: 'statReport', row: report(code), scope: code, fields: { roundId: ROUND, orgId: `org-${code}`, period: '2026', status: 'draft', members: 10, youth1428: 40 } })),
  ]);
}

export async function review(store: Store, ...files: ExportedBundle[]): Promise<ImportReview> {
  return reviewImport(store, files.map((f, i) => ({ name: f.fileName || `file-${i}`, data: f.bytes })));
}

export async function importFiles(store: Store, ...files: ExportedBundle[]): Promise<{ review: ImportReview; outcome: ImportOutcome }> {
  const reviewed = await review(store, ...files);
  const refused = reviewed.files.filter((f) => f.refusal);
  if (refused.length > 0) throw new Error(`refused: ${refused.map((f) => `${f.name} ${f.refusal!.reason} ${f.refusal!.detail.problem}`).join(', ')}`);
  return { review: reviewed, outcome: await applyReviewedImport(store, reviewed) };
}

export const fullFile = (store: Store) => exportBundle(store);

/**
 * A write the PC's own gate would refuse, made as an altered copy of the app would make it: through
 * the merge core straight into the store, then sealed with the PC's key. What other PCs must refuse
 * at import (the honest app refuses it at write: test/unit/store/trust/localGate.test.ts).
 */
export async function pastTheGate(store: Store, specs: WriteSpec[]): Promise<Change[]> {
  const { changes } = await inSyncTransaction(store.db, 'rw', (access) => writeLocally(access, specs, store.identity, Date.now()));
  await sealWritten(store.db, store.device, changes);
  return changes;
}

/** One sync of a store with the hub, as the app's runner makes it (sealing first, enforcing). */
export function hubSync(hub: FakeHub, store: Store, scope: string): Promise<HubSyncOutcome> {
  const local = dexieHubLocal(store.db, { device: store.identity.device, scope }, { sealing: store.device, enforceTrust: store.enforceTrust });
  return syncWithHub(hub.transport, local, { hub: 'h' });
}
