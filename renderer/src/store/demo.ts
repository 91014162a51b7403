import { COUNTY_CODE } from '../../../shared/demo/names';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { issueCertificate } from '../../../shared/trust/certificate';
import { demoCounty } from '../../../shared/trust/demo';
import { createEnrollmentRequest } from '../../../shared/trust/enrollment';
import type { Store } from './store';
import { holdTrustRecords, pinHomeAuthority } from './trustStore';

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
  const demo = await demoCounty();
  const pinned = await pinHomeAuthority(store.db, demo.authority);
  if (pinned.ok) {
    const now = new Date().toISOString();
    const request = await createEnrollmentRequest({ id: store.device.id, name: store.identity.name ?? `PC ${store.device.id}`, keys: store.device.keys }, now);
    const issued = await issueCertificate(
      request,
      { role: 'countyAdmin', scope: COUNTY_CODE, validFrom: demo.device.certificate.validFrom, validTo: demo.device.certificate.validTo },
      { county: COUNTY_CODE, keys: demo.authorityKeys },
      now,
    );
    if (!issued.ok) throw new Error(`demo certificate: ${issued.reason}`);
    await holdTrustRecords(store.db, [demo.device.certificate, issued.value]);
  }
  await store.repo.write(store.db.registry.demoWrites(generateDemoCounty()), [{ key: 'setup', value: 'demo' }]);
}

export async function startEmpty(store: Store): Promise<void> {
  await store.db.meta.put({ key: 'setup', value: 'empty' });
}
