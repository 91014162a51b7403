import { issueCertificate, type CertificateTerms } from '../../../shared/trust/certificate';
import { demoCounty } from '../../../shared/trust/demo';
import { createEnrollmentRequest } from '../../../shared/trust/enrollment';
import type { Store } from '../../../renderer/src/store/store';
import { holdTrustRecords } from '../../../renderer/src/store/trustStore';

/**
 * Makes a demo PC (the demo county loaded: its county administrator) a PC of another role: the demo
 * authority, whose key is published with the app, issues it a later certificate, which governs.
 */
export async function giveRole(store: Store, terms: Pick<CertificateTerms, 'role' | 'scope'> & Partial<CertificateTerms>): Promise<void> {
  const demo = await demoCounty();
  const later = new Date(Date.now() + 60_000).toISOString();
  const request = await createEnrollmentRequest({ id: store.device.id, name: `PC ${store.device.id}`, keys: store.device.keys }, later);
  const issued = await issueCertificate(request, { grants: [], validFrom: demo.device.certificate.validFrom, validTo: demo.device.certificate.validTo, ...terms }, { county: demo.authority.county, keys: demo.authorityKeys }, later);
  if (!issued.ok) throw new Error(issued.reason);
  await holdTrustRecords(store.db, [issued.value]);
}
