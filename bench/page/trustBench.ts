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
import { rawBulkWrite } from './rawWrite';
import { encodeBundle } from '../../shared/sync/bundle';
import { vectorOf } from '../../shared/sync/vector';
import { applyChangeToRow, type MergedRow } from '../../shared/sync/row';
import { carriedRecordProblem } from '../../shared/trust/carried';
import { applyReviewedImport, reviewImport, type FileReview } from '../../renderer/src/features/sync/syncService';
import { LeagueDeskDb } from '../../renderer/src/store/db';
import { openStore } from '../../renderer/src/store/store';
import { holdTrustRecords, pinHomeAuthority } from '../../renderer/src/store/trustStore';

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

/**
 * Through the store, as a township PC does it (issue 14's goals): the 20 PCs' 100,000 signed
 * changes and the county's tree, with their seals and certificates, imported into a PC that pins
 * the county and enforces trust (applyReviewedImport from the decoded file: every signature
 * checked, every change hashed and decided, planned and applied, the decisions kept), beside the
 * raw write of the same changes and rows and the same import unsigned into a PC with no county;
 * the preview pass a person sees first (reviewImport, from the file's bytes); then local writes
 * of one cell on that PC, enrolled as the township's officer (gate + write + seal).
 */
async function storeRun(round: number) {
  if (county === undefined) await setup();
  const changes = [countyPc!, ...pcs].flatMap((pc) => pc.changes);
  const trust: object[] = [...(await Promise.all([countyPc!, ...pcs].map((pc) => sealChanges(pc.changes, pc)))), ...[countyPc!, ...pcs].map((pc) => pc.certificate)];
  const byRow = new Map<string, MergedRow>();
  for (const change of [...changes].sort((a, b) => (a.hlc < b.hlc ? -1 : 1))) {
    const key = `${change.table}/${change.row}`;
    byRow.set(key, applyChangeToRow(byRow.get(key), change).row);
  }
  const raw = await rawBulkWrite(`trust-raw-${round}`, changes, [...byRow.values()]);

  const bundle = (withTrust: boolean) =>
    encodeBundle(
      { county: { code: 'LT' }, sender: { device: countyPc!.id, account: 'county', scope: 'LT' }, kind: 'full', changes, vector: vectorOf(changes), created: '2026-01-02T00:00:00.000Z', ...(withTrust ? { trust } : {}) },
      { tables: APP_REGISTRY.tables, trustRecord: carriedRecordProblem },
    );
  const signedBytes = await bundle(true);
  const unsignedBytes = await bundle(false);

  // The file as decoded (decoding is the file's cost, not the store's): what applyReviewedImport takes.
  const decodedFile = async (store: Awaited<ReturnType<typeof openStore>>, bytes: Uint8Array): Promise<FileReview> => {
    const review = await reviewImport(store, [{ name: 'LT-full.leaguesync', data: bytes }]);
    const { name, manifest, changes: fileChanges, trust: fileTrust } = review.files[0]!;
    if (!fileChanges) throw new Error(`file refused: ${JSON.stringify(review.files[0]!.refusal)}`);
    return { name, manifest, changes: fileChanges, ...(fileTrust ? { trust: fileTrust } : {}) };
  };

  // Signed, enforcing, the county pinned.
  const signedDb = new LeagueDeskDb(APP_REGISTRY, `trust-import-${round}`);
  const township = await openStore(signedDb, { enforceTrust: true });
  const pinned = await pinHomeAuthority(signedDb, county!.home.record);
  if (!pinned.ok) throw new Error(pinned.reason);
  const previewStarted = performance.now();
  const preview = await reviewImport(township, [{ name: 'LT-full.leaguesync', data: signedBytes }]);
  const previewMs = performance.now() - previewStarted;
  const refusedInPreview = (preview.trust ?? []).reduce((n, w) => n + Object.values(w.refused).reduce((a, b) => a + (b ?? 0), 0), 0);
  if (refusedInPreview > 0) throw new Error(`preview refused ${refusedInPreview}`);
  const file = await decodedFile(township, signedBytes);
  const importStarted = performance.now();
  const outcome = await applyReviewedImport(township, { files: [file] });
  const imported = performance.now() - importStarted;
  if (outcome.applied !== changes.length || outcome.refused !== 0) throw new Error(`signed import: ${JSON.stringify(outcome)}`);

  // The same import unsigned, into a PC with no county pinned (nothing decided): what trust adds.
  const unsignedDb = new LeagueDeskDb(APP_REGISTRY, `trust-unsigned-${round}`);
  const alone = await openStore(unsignedDb, { enforceTrust: true });
  const plainFile = await decodedFile(alone, unsignedBytes);
  const plainStarted = performance.now();
  const plainOutcome = await applyReviewedImport(alone, { files: [plainFile] });
  const plain = performance.now() - plainStarted;
  if (plainOutcome.applied !== changes.length) throw new Error(`unsigned import: ${JSON.stringify(plainOutcome)}`);
  unsignedDb.close();
  await unsignedDb.delete();

  // Local writes of one cell on the township PC, now enrolled as LT-03's officer: gate + write + seal.
  const request = await createEnrollmentRequest({ id: township.device.id, name: 'LT-03', keys: township.device.keys }, '2025-12-01T00:00:00.000Z');
  const own = await issueCertificate(request, { role: 'townshipOfficer', scope: 'LT-03', validFrom: '2025-01-01T00:00:00.000Z', validTo: '2036-01-01T00:00:00.000Z' }, county!.authority, '2025-12-01T00:00:00.000Z');
  if (!own.ok) throw new Error(own.reason);
  await holdTrustRecords(signedDb, [own.value]);
  const cell = (i: number) => [{ table: 'statReport', row: `r${i}`, scope: 'LT-03', fields: { members: 40 + (i % 50) } }];
  await township.repo.write(cell(0)); // the first write reads this PC's standing (signatures checked once)
  const local: number[] = [];
  for (let i = 1; i <= 30; i++) {
    const started = performance.now();
    await township.repo.write(cell(i));
    local.push(performance.now() - started);
  }
  signedDb.close();
  await signedDb.delete();
  return { raw, imported, plain, preview: previewMs, local, changes: changes.length };
}

(globalThis as unknown as { trustBench: typeof run }).trustBench = run;
(globalThis as unknown as { trustStoreBench: typeof storeRun }).trustStoreBench = storeRun;
