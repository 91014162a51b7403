// Runs inside Chromium (bundled by bench/trust.bench.ts): what trust costs an import of 100,000
// signed changes from 20 PCs, and a local write, with the app's own code.
import { canonicalChangeJson } from '../../shared/sync/bundle/canonicalJson';
import type { Change } from '../../shared/sync/change';
import { INITIAL_CLOCK } from '../../shared/sync/hlc';
import { makeChange } from '../../shared/sync/write';
import { createAuthority } from '../../shared/trust/authority';
import { issueCertificate, type Certificate } from '../../shared/trust/certificate';
import { decideAll } from '../../shared/trust/decide';
import { createEnrollmentRequest } from '../../shared/trust/enrollment';
import { generateKeyPair, signBytes, type KeyPair } from '../../shared/trust/keys';
import type { AuthorityRecord } from '../../shared/trust/authorityRecords';
import { checkAuthorityRecord, prepareMaterial, type Checked, type HashedChange } from '../../shared/trust/material';
import { changeHash, sealChanges, type Seal } from '../../shared/trust/seal';
import { MIN_PBKDF2_ITERATIONS, PBKDF2_ITERATIONS } from '../../shared/trust/sealedKey';
import { checkRecordSignature, signedBytes } from '../../shared/trust/signed';
import { sha256OfText } from '../../shared/trust/sha256';
import { APP_REGISTRY } from '../../shared/app/registry';
import { sealIndex, verifyChange } from '../../shared/trust/verify';
import { makeChangesAndRows } from '../hubSupport/changes';

const PCS = 20;
const PER_PC = 5_000;
const ORGS = PER_PC / 4;

interface County {
  home: Checked<AuthorityRecord>;
  authority: { county: string; keys: KeyPair };
  setupMs: number;
}

let county: County | undefined;
let pcs: { id: string; keys: KeyPair; certificate: Certificate; changes: Change[] }[] = [];
let countyPc: { id: string; keys: KeyPair; certificate: Certificate; changes: Change[] } | undefined;

async function enroll(id: string, role: 'countyAdmin' | 'townshipOfficer', scope: string) {
  const keys = await generateKeyPair();
  const request = await createEnrollmentRequest({ id, name: `PC ${id}`, keys }, '2025-12-01T00:00:00.000Z');
  const issued = await issueCertificate(request, { role, scope, validFrom: '2025-01-01T00:00:00.000Z', validTo: '2030-01-01T00:00:00.000Z' }, county!.authority, '2025-12-01T00:00:00.000Z');
  if (!issued.ok) throw new Error(issued.reason);
  return { id, keys, certificate: issued.value };
}

/** The county (its authority made with the app's work factor), its PC, and 20 township PCs. */
async function setup(): Promise<void> {
  const started = performance.now();
  const made = await createAuthority({ county: 'LT', passphrase: 'benchmark passphrase', created: '2025-12-01T00:00:00.000Z' });
  if (!made.ok) throw new Error(made.reason);
  const setupMs = performance.now() - started;
  const home = await checkAuthorityRecord(made.value.record);
  if (!home.ok) throw new Error(home.problem);
  county = { home: home.value, authority: { county: 'LT', keys: made.value.authority }, setupMs };
  // The organisations the reports belong to, written by the county PC before the reports.
  countyPc = { ...(await enroll('00000000000000c0', 'countyAdmin', 'LT')), changes: [] };
  let clock = INITIAL_CLOCK;
  const org = (row: string, code: string, parentId: string | null) => {
    const made = makeChange({ table: 'org', row, scope: code, fields: { code, name: { zh: code }, kind: parentId === null ? 'county' : 'branch', parentId, archived: false } }, undefined, { device: countyPc!.id, author: 'county' }, clock, Date.UTC(2025, 11, 31));
    clock = made.clock;
    countyPc!.changes.push(made.change);
  };
  org('org-LT', 'LT', null);
  org('org-LT-03', 'LT-03', 'org-LT');
  for (let i = 0; i < ORGS; i++) org(`org-r${i}`, `LT-03-${i}`, 'org-LT-03');
  // And the reports the townships then fill in (the synthetic changes create only some of them).
  for (let i = 0; i < ORGS; i++) {
    const made = makeChange({ table: 'statReport', row: `r${i}`, scope: 'LT-03', fields: { roundId: 'round-2026', orgId: `org-r${i}`, period: '2026', status: 'draft' } }, undefined, { device: countyPc.id, author: 'county' }, clock, Date.UTC(2025, 11, 31));
    clock = made.clock;
    countyPc.changes.push(made.change);
  }
  pcs = [];
  for (let p = 0; p < PCS; p++) {
    const id = (0xa000 + p).toString(16).padStart(16, '0');
    pcs.push({ ...(await enroll(id, 'townshipOfficer', 'LT-03')), changes: makeChangesAndRows(PER_PC, id).changes });
  }
}

function time<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

async function run() {
  if (county === undefined) await setup();
  const all = pcs.flatMap((pc) => pc.changes);

  // A change's hash is the sha-256 of its canonical JSON: the JSON is the same work either way, the
  // digest is what is compared.
  const canonical = time(() => all.map(canonicalChangeJson));
  const hashSync = time(() => canonical.value.map(sha256OfText));
  const encoder = new TextEncoder();
  const hashWebCrypto = await timeAsync(() => Promise.all(canonical.value.map((text) => crypto.subtle.digest('SHA-256', encoder.encode(text)))));
  const hashed = time(() => all.map(changeHash));

  const sealed = await timeAsync(() => Promise.all(pcs.map((pc) => sealChanges(pc.changes, pc))));
  const countySeal = await sealChanges(countyPc!.changes, countyPc!);
  const seals: Seal[] = [...sealed.value, countySeal];
  const oneSeal = sealed.value[0]!;
  const signOne = await timeAsync(() => signBytes(oneSeal.signer.algorithm, pcs[0]!.keys.privateKey, signedBytes(oneSeal)));

  // An import: parse and hash the changes, check the seals' signatures, verify every change, decide.
  const preparedChanges = await timeAsync(() => prepareMaterial({ changes: [...countyPc!.changes, ...all] }));
  const preparedSeals = await timeAsync(() => prepareMaterial({ seals, certificates: [countyPc!.certificate, ...pcs.map((p) => p.certificate)] }));
  const index = sealIndex(preparedSeals.value.seals);
  const verified = time(() => preparedChanges.value.changes.filter((c: HashedChange) => verifyChange(c, index).ok).length);
  if (verified.value !== all.length + countyPc!.changes.length) throw new Error(`verified ${verified.value}`);
  const material = { ...preparedSeals.value, changes: preparedChanges.value.changes };
  const decided = time(() => decideAll(county!.home, material, APP_REGISTRY.rules));
  const accepted = [...decided.value.values()].filter((d) => d.status === 'accepted').length;
  if (accepted !== decided.value.size) throw new Error(`accepted ${accepted} of ${decided.value.size}`);

  // A local write of one cell: seal it, and (on the receiving side) check its seal.
  const local: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < 30; i++) {
    const change = pcs[0]!.changes[i]!;
    const made = await timeAsync(() => sealChanges([change], pcs[0]!));
    local.push(made.ms);
    check.push((await timeAsync(() => checkRecordSignature(made.value))).ms);
  }
  const keygen = await timeAsync(() => generateKeyPair());

  // The authority file's key derivation at the app's work factor, and at the readers' minimum.
  const pbkdf2 = async (iterations: number) => {
    const base = await crypto.subtle.importKey('raw', encoder.encode('benchmark passphrase'), 'PBKDF2', false, ['deriveBits']);
    return (await timeAsync(() => crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(16), iterations }, base, 512))).ms;
  };

  return {
    canonical: canonical.ms,
    hashSync: hashSync.ms,
    hashWebCrypto: hashWebCrypto.ms,
    changeHash: hashed.ms,
    seal20: sealed.ms,
    signOne: signOne.ms,
    prepareChanges: preparedChanges.ms,
    prepareSeals: preparedSeals.ms,
    verifyChanges: verified.ms,
    decide: decided.ms,
    localSeal: local,
    localCheck: check,
    keygen: keygen.ms,
    pbkdf2App: await pbkdf2(PBKDF2_ITERATIONS),
    pbkdf2Min: await pbkdf2(MIN_PBKDF2_ITERATIONS),
    setup: county!.setupMs,
    sealKiB: JSON.stringify(oneSeal).length / 1024,
  };
}

(globalThis as unknown as { trustBench: typeof run }).trustBench = run;
