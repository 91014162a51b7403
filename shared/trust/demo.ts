import { COUNTY_CODE, COUNTY_NAME } from '../demo/names';
import { DEMO_CLOCK_START, DEMO_DEVICE } from '../demo/writer';
import { AUTHORITY_FORMAT, type AuthorityRecord } from './authorityRecords';
import { normalizeRecoveryCode } from './authority';
import { CERTIFICATE_FORMAT, type Certificate } from './certificate';
import { keyId, type KeyPair } from './keys';
import { MIN_PBKDF2_ITERATIONS, sealPrivateKey } from './sealedKey';
import { sha256, utf8Bytes } from './sha256';
import { signRecord } from './signed';
import { plainBytes, subtle } from './webcrypto';

/*
 * The demo county's authority and its one PC, the same on every PC and every run. Its private keys
 * come from fixed seeds written here, so anyone can sign as the demo county: that is why every
 * record says `demo: true`, why a PC set up for a real county never believes it (its chain starts
 * at another key, whatever county code the demo claims), and why the demo's recovery code is
 * printed below and its PBKDF2 work factor is the readers' minimum. Ed25519 only (signatures are
 * deterministic, so the demo's signed files are byte-identical everywhere); a runtime without
 * Ed25519 cannot sign as the demo.
 */

export const DEMO_RECOVERY_CODE = 'DEM00-DEM00-DEM00-DEM00-DEM00';
const DEMO_TIME = new Date(DEMO_CLOCK_START).toISOString();

/** PKCS #8 of an Ed25519 private key: a fixed 16-byte header, then the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_HEADER = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

function seedPkcs8(label: string): Uint8Array {
  return new Uint8Array([...ED25519_PKCS8_HEADER, ...sha256(utf8Bytes(`League Desk demo county, published with the app: ${label}`))]);
}

async function seededKeyPair(label: string): Promise<{ keys: KeyPair; pkcs8: Uint8Array }> {
  const pkcs8 = seedPkcs8(label);
  const extractable = await subtle().importKey('pkcs8', plainBytes(pkcs8), { name: 'Ed25519' }, true, ['sign']);
  const jwk = await subtle().exportKey('jwk', extractable);
  const privateKey = await subtle().importKey('pkcs8', plainBytes(pkcs8), { name: 'Ed25519' }, false, ['sign']);
  return { keys: { publicKey: { algorithm: 'Ed25519', key: String(jwk.x) }, privateKey }, pkcs8 };
}

export interface DemoCounty {
  authority: AuthorityRecord;
  authorityKeys: KeyPair;
  /** The demo county's PC: the device every demo change is stamped with, a county administrator. */
  device: { id: string; keys: KeyPair; certificate: Certificate };
}

let demo: Promise<DemoCounty> | undefined;

export function demoCounty(): Promise<DemoCounty> {
  demo ??= makeDemoCounty();
  return demo;
}

async function makeDemoCounty(): Promise<DemoCounty> {
  const authority = await seededKeyPair('authority key');
  const recovery = await seededKeyPair('recovery key');
  const device = await seededKeyPair(`device key of ${DEMO_DEVICE}`);
  const fixed = { salt: sha256(utf8Bytes('demo salt')).slice(0, 16), iv: sha256(utf8Bytes('demo iv')).slice(0, 12) };
  const sealed = await sealPrivateKey(
    recovery.pkcs8,
    normalizeRecoveryCode(DEMO_RECOVERY_CODE)!,
    { purpose: 'recovery', county: COUNTY_CODE, key: recovery.keys.publicKey },
    MIN_PBKDF2_ITERATIONS,
    fixed,
  );
  const record = await signRecord<Omit<AuthorityRecord, 'signer' | 'signature'>>(
    {
      format: AUTHORITY_FORMAT,
      version: 1,
      county: COUNTY_CODE,
      name: COUNTY_NAME,
      demo: true,
      created: DEMO_TIME,
      key: authority.keys.publicKey,
      recovery: { key: recovery.keys.publicKey, sealed },
    },
    authority.keys,
  );
  const certificate = await signRecord<Omit<Certificate, 'signer' | 'signature'>>(
    {
      format: CERTIFICATE_FORMAT,
      version: 1,
      county: COUNTY_CODE,
      serial: DEMO_DEVICE,
      device: DEMO_DEVICE,
      name: COUNTY_NAME.zh!,
      key: device.keys.publicKey,
      role: 'countyAdmin',
      scope: COUNTY_CODE,
      grants: [],
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2100-01-01T00:00:00.000Z',
      issued: DEMO_TIME,
      issuer: keyId(authority.keys.publicKey),
    },
    authority.keys,
  );
  return { authority: record, authorityKeys: authority.keys, device: { id: DEMO_DEVICE, keys: device.keys, certificate } };
}
