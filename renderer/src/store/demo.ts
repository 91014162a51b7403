import { COUNTY_CODE } from '../../../shared/demo/names';
import { nameForCertificate } from '../../../shared/devices/names';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { CERTIFICATE_FORMAT, issueCertificate, type Role } from '../../../shared/trust/certificate';
import { keyId } from '../../../shared/trust/keys';
import { demoCounty } from '../../../shared/trust/demo';
import { createEnrollmentRequest } from '../../../shared/trust/enrollment';
import type { Store } from './store';
import { holdTrustRecords, pinHomeAuthority, type TrustEntry } from './trustStore';

/**
 * Loads the demo county (Luntai's published figures) through the repository, so it is ordinary
 * data with a change log, exactly as if it had been typed in; one transaction, all or nothing.
 * The writes are every feature's demo writes (the registry's the database was opened with), the ones `league-desk demo --out`
 * puts in its bundle.
 *
 * Trust: the demo's writes here are this PC's own (stamped and sealed with its device and key, not
 * the demo PC's of shared/trust/demo.ts, whose changes only `league-desk demo --out` writes). So
 * that they are authorized like a county's, the PC pins the demo authority as its home and holds a
 * county administrator's certificate for its own key, issued by the demo authority (whose private
 * key is published with the app: anyone may sign as the demo, which is why no real county believes
 * it), beside the demo PC's certificate. A PC already pinned to a real county keeps it, and gets
 * no demo certificate: the data is loaded, and is this PC's unenrolled writes there.
 */
export async function loadDemoCounty(store: Store): Promise<void> {
  await joinDemoCounty(store);
  await store.repo.write(store.db.registry.demoWrites(generateDemoCounty()), [{ key: 'setup', value: 'demo' }]);
}

/** What a demo PC is in the demo county: its county administrator unless a role is picked. */
export interface DemoTerms {
  role: Role;
  /** An organisation code of the demo county (a township's, for a township officer). */
  scope: string;
}

/**
 * Makes this PC a PC of the demo county: pins the demo authority and holds a certificate for this
 * PC's own key issued by the demo authority (whose private key is published with the app), beside
 * the demo PC's certificate. False when the PC is pinned to another county already (it keeps it).
 */
export async function joinDemoCounty(store: Store, terms: DemoTerms = { role: 'countyAdmin', scope: COUNTY_CODE }): Promise<boolean> {
  const demo = await demoCounty();
  const pinned = await pinHomeAuthority(store.db, demo.authority);
  if (!pinned.ok) return false;
  const now = new Date().toISOString();
  const request = await createEnrollmentRequest({ id: store.device.id, name: nameForCertificate(store.identity.name, store.device.id), keys: store.device.keys }, now);
  const issued = await issueCertificate(
    request,
    { ...terms, validFrom: demo.device.certificate.validFrom, validTo: demo.device.certificate.validTo },
    { county: COUNTY_CODE, keys: demo.authorityKeys },
    now,
  );
  if (!issued.ok) throw new Error(`demo certificate: ${issued.reason}`);
  await holdTrustRecords(store.db, [demo.device.certificate, issued.value]);
  return true;
}

/**
 * Whether records a file carried show it is the demo county's: a certificate the demo authority
 * issued. A fresh PC that restores such a file joins the demo county (as its county administrator),
 * so that what it writes afterwards is authorized at the demo county's other PCs, as a demo should
 * be; a real county's files never carry a demo certificate.
 */
export async function carriesDemoCounty(records: readonly object[]): Promise<boolean> {
  const demo = await demoCounty();
  const issuer = keyId(demo.authorityKeys.publicKey);
  return records.some((r) => {
    const c = r as { format?: unknown; issuer?: unknown; county?: unknown };
    return c.format === CERTIFICATE_FORMAT && c.issuer === issuer && c.county === COUNTY_CODE;
  });
}

/**
 * After an import (a file or a hub pull) that restored a fresh PC (importTrust.ts `restoringHere`):
 * joins the demo county if the records it carried are the demo county's. After the import's
 * transaction: issuing the certificate signs with WebCrypto.
 */
export async function joinDemoIfRestored(store: Store, restored: boolean, carried: readonly TrustEntry[]): Promise<void> {
  if (restored && (await carriesDemoCounty(carried.map((e) => e.record as object)))) await joinDemoCounty(store);
}

export async function startEmpty(store: Store): Promise<void> {
  await store.db.meta.put({ key: 'setup', value: 'empty' });
}
