import { createAuthority, openRecoveryKey, succeedAuthority, type RecoveryRefusal, type SetupRefusal, type Successor } from '../../../shared/trust/authority';
import { addYears } from '../../../shared/domain/dates';
import { nameForCertificate } from '../../../shared/devices/names';
import { generationAfter, type AuthorityRecord, type Succession } from '../../../shared/trust/authorityRecords';
import { readAuthorityFile, writeAuthorityFile, type AuthorityFile, type AuthorityFileRefusal } from '../../../shared/trust/authorityFile';
import { carriedMaterial } from '../../../shared/trust/carried';
import { issueCertificate, type Certificate, type CertificateTerms, type IssuingRefusal } from '../../../shared/trust/certificate';
import { currentAuthority, newestStanding, trustView } from '../../../shared/trust/chain';
import { createEnrollmentRequest, readEnrollmentRequest, type EnrollmentRefusal, type EnrollmentRequest } from '../../../shared/trust/enrollment';
import { enrollmentAnswer, readEnrollmentAnswer, writeEnrollmentAnswer, type AnswerRefusal, type ReadAnswer } from '../../../shared/trust/enrollmentAnswer';
import { fingerprint, sameKey, type KeyPair } from '../../../shared/trust/keys';
import { checkAuthorityRecord, prepareMaterial } from '../../../shared/trust/material';
import { countyCodeSchema } from '../../../shared/trust/schemas';
import { revokeDevice, type RevocationCause } from '../../../shared/trust/revocation';
import type { Role } from '../../../shared/trust/certificate';
import type { Org } from '../../../shared/domain/org';
import type { BilingualText } from '../../../shared/i18n/lang';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import { createOrgWrites } from '../../../shared/orgs/writes';
import { rowValues } from '../../../shared/sync/row';
import { adoptExisting } from './adoptExisting';
import { decideHeldLog } from './importTrust';
import { readVector } from './dexieAccess';
import { startEmpty } from './demo';
import { setupChoice } from './store';
import type { LeagueDeskDb, MetaEntry } from './db';
import type { Store } from './store';
import { ENROLLMENT_KEY, pinHomeAuthority, putTrustRecords, REFUSED_STORE, refusedTable, readHomeAuthority, trustEntries, trustEntry, trustRecordsFor, trustTable, TRUST_STORE } from './trustStore';
import { inTransaction, type StoreTx } from './tx';

/*
 * The county's PC and enrolment (issue 14; docs/ARCHITECTURE.md, "Trust", "Enrolment").
 *
 * The county's PC keeps its authority as the encrypted authority file (`meta.authority`, local:
 * meta never travels in a bundle, a backup or the hub), so signing asks for the passphrase every
 * time and nothing on the PC signs for the county without it. A PC joining a county keeps what it
 * asked (`meta.enrollment`) until the county's answer arrives.
 *
 * WebCrypto (key making, signing, passphrase derivation) always runs before or after a
 * transaction, never inside one.
 */

export const AUTHORITY_KEY = 'authority';

/** How long a certificate the county issues itself (and the default on the PCs page): ten years. */
export const SELF_VALIDITY_YEARS = 10;

/** What a PC that asked to join remembers of its request. */
export interface PendingEnrollment {
  requested: string;
  name: string;
  fingerprint: string;
}

const meta = (tx: StoreTx) => tx.table<MetaEntry, string>('meta');

async function readMeta<T>(tx: StoreTx, key: string): Promise<T | undefined> {
  return (await meta(tx).get(key))?.value as T | undefined;
}

/** The encrypted authority file this PC keeps, within a transaction spanning `meta`; undefined on any other PC. */
export function readHeldAuthority(tx: StoreTx): Promise<AuthorityFile | undefined> {
  return readMeta<AuthorityFile>(tx, AUTHORITY_KEY);
}

/** Whether this PC is the county's PC (holds the county's authority). */
export async function holdsCountyAuthority(db: LeagueDeskDb): Promise<boolean> {
  return (await inTransaction(db, 'r', ['meta'], readHeldAuthority)) !== undefined;
}

/** The same instant `years` later (an ISO date-time: its calendar day moved, its time kept). */
function yearsAfter(iso: string, years: number): string {
  return `${addYears(iso.slice(0, 10), years)}${iso.slice(10)}`;
}

export type CountySetupRefusal = SetupRefusal | 'home-fixed' | 'county-invalid';

/**
 * Makes this PC the county's PC: the county's authority is made (the passphrase derives its
 * encryption key), pinned as home, kept encrypted, and this PC is issued a county administrator's
 * certificate. The recovery code is returned once, to be shown and printed; it is kept nowhere.
 */
export async function setUpCountyPc(
  store: Store,
  options: { county: string; name?: AuthorityRecord['name']; passphrase: string; now?: Date; iterations?: number },
): Promise<{ ok: true; recoveryCode: string; certificate: Certificate; adopted: number } | { ok: false; reason: CountySetupRefusal }> {
  if (!countyCodeSchema.safeParse(options.county).success) return { ok: false, reason: 'county-invalid' };
  // Refused before a key is made: a PC pinned to a county (demo included) cannot become another's.
  if ((await inTransaction(store.db, 'r', ['meta'], readHomeAuthority)) !== undefined) return { ok: false, reason: 'home-fixed' };
  const now = options.now ?? new Date();
  const created = now.toISOString();
  const made = await createAuthority({ county: options.county, name: options.name, passphrase: options.passphrase, created, iterations: options.iterations });
  if (!made.ok) return made;
  const taken = await becomeCountyPc(store, made.value.file, made.value.record, made.value.authority, now);
  return taken.ok ? { ok: true, recoveryCode: made.value.recoveryCode, certificate: taken.certificate, adopted: taken.adopted } : taken;
}

export type RestoreRefusal = AuthorityFileRefusal | 'home-fixed';

/**
 * Makes this PC the county's PC from the authority file saved on a USB drive (the old county PC
 * lost or replaced): the file is opened with its passphrase, its home pinned (a PC already of this
 * county keeps its pin; one of another county refuses), the file kept, and this PC certified as a
 * county administrator under the key the file holds. What it holds from before trust and no
 * checkpoint of the county adopts yet is adopted, if stamped before the county's first checkpoint.
 */
export async function restoreCountyPc(store: Store, text: string, passphrase: string, now = new Date()): Promise<{ ok: true; certificate: Certificate; adopted: number } | { ok: false; reason: RestoreRefusal }> {
  const read = await readAuthorityFile(text, passphrase);
  if (!read.ok) return { ok: false, reason: read.reason };
  const file = JSON.parse(text) as AuthorityFile;
  return becomeCountyPc(store, file, read.value.home, read.value.authority, now, read.value.successions);
}

async function becomeCountyPc(
  store: Store,
  file: AuthorityFile,
  home: AuthorityRecord,
  authority: KeyPair,
  now: Date,
  /** The successions from the home record to `authority` (kept: certificates it signs stand only through them). */
  successions: readonly Succession[] = [],
): Promise<{ ok: true; certificate: Certificate; adopted: number } | { ok: false; reason: 'home-fixed' }> {
  const at = now.toISOString();
  const pinned = await pinHomeAuthority(store.db, home);
  if (!pinned.ok) return { ok: false, reason: 'home-fixed' };
  const request = await createEnrollmentRequest({ id: store.device.id, name: nameForCertificate(store.identity.name, store.device.id), keys: store.device.keys }, at);
  const issued = await issueCertificate(request, { role: 'countyAdmin', scope: home.county, validFrom: at, validTo: yearsAfter(at, SELF_VALIDITY_YEARS) }, { county: home.county, keys: authority }, at);
  // A county administrator over the county's own code cannot be refused (certificate.ts).
  if (!issued.ok) throw new Error(`county PC certificate: ${issued.reason}`);
  // Signed before the transaction that keeps it with the certificate.
  const checkpoint = await adoptExisting(store.db, home, { county: home.county, keys: authority }, issued.value, now);
  await inTransaction(store.db, 'rw', ['meta', TRUST_STORE], async (tx) => {
    await meta(tx).put({ key: AUTHORITY_KEY, value: file });
    await meta(tx).delete(ENROLLMENT_KEY);
    await putTrustRecords(tx, [...successions.map((r) => trustEntry('succession', r)), trustEntry('certificate', issued.value), ...checkpoint.map((page) => trustEntry('checkpoint', page))]);
  });
  // Held changes from before the pin, adopted or not, decided once (own changes stand).
  if (pinned.pinned === 'now') await decideHeldLog(store.db, store.enforceTrust, now, store.device);
  return { ok: true, certificate: issued.value, adopted: checkpoint.reduce((n, page) => n + page.hashes.length, 0) };
}

// --- handing the county's authority on (a succession) ---

export type SuccessionRefusal = AuthorityFileRefusal | RecoveryRefusal | SetupRefusal | 'no-authority' | 'no-home';

/** What a succession leaves this PC with: the new recovery code (shown once) and its new certificate. */
export type SuccessionOutcome = { ok: true; recoveryCode: string; certificate: Certificate } | { ok: false; reason: SuccessionRefusal };

/**
 * Hands the county's authority on to a new key under a new passphrase, signed by the current key
 * opened with its passphrase (a passphrase others may have seen, staff changing): the county stays
 * the county — every certificate issued before stands — and from now on only the new key issues.
 * A new recovery code is made, shown once. The new authority file replaces the held one: save it to
 * a USB drive again.
 */
export async function handOnAuthority(store: Store, options: { passphrase: string; newPassphrase: string; now?: Date; iterations?: number }): Promise<SuccessionOutcome> {
  const opened = await openHeldAuthority(store.db, options.passphrase);
  if (!opened.ok) return opened;
  const { home, successions } = opened.file;
  const current = generationAfter(home, successions);
  if (current === undefined) return { ok: false, reason: 'tampered' };
  const at = (options.now ?? new Date()).toISOString();
  const next = await succeedAuthority({ home, successions, current, signer: opened.keys, at, passphrase: options.newPassphrase, iterations: options.iterations });
  if (!next.ok) return next;
  return takeOver(store, home, next.value, [...successions, next.value.succession], at);
}

/**
 * Takes the county's authority on with the printed recovery code, where the county's PC, its
 * authority file or its passphrase is lost: on any PC of the county (its home pinned and the
 * county's successions held — a township's PC will do), the current generation's recovery key
 * signs a new generation under a new passphrase, and this PC becomes the county's PC.
 */
export async function recoverAuthority(store: Store, options: { recoveryCode: string; newPassphrase: string; now?: Date; iterations?: number }): Promise<SuccessionOutcome> {
  const held = await inTransaction(store.db, 'r', ['meta', TRUST_STORE], async (tx) => ({
    home: await readHomeAuthority(tx),
    successions: (await trustTable(tx).where('kind').equals('succession').toArray()).map((e) => e.record as object),
  }));
  if (held.home === undefined) return { ok: false, reason: 'no-home' };
  const [home, material] = await Promise.all([checkAuthorityRecord(held.home), prepareMaterial(carriedMaterial(held.successions))]);
  if (!home.ok || home.value.signature !== 'valid') return { ok: false, reason: 'no-home' };
  const line = currentAuthority(home.value, material.successions);
  if (line === undefined) return { ok: false, reason: 'tampered' };
  const signer = await openRecoveryKey(held.home.county, line.generation, options.recoveryCode);
  if (!signer.ok) return signer;
  const at = (options.now ?? new Date()).toISOString();
  const next = await succeedAuthority({ home: held.home, successions: line.line, current: line.generation, signer: signer.value, at, passphrase: options.newPassphrase, iterations: options.iterations });
  if (!next.ok) return next;
  return takeOver(store, held.home, next.value, [...line.line, next.value.succession], at);
}

/** This PC as the county's PC under a new generation: its file kept, the successions held, itself certified by the new key. */
async function takeOver(store: Store, home: AuthorityRecord, next: Successor, successions: readonly Succession[], at: string): Promise<SuccessionOutcome> {
  const taken = await becomeCountyPc(store, next.file, home, next.authority, new Date(at), successions);
  return taken.ok ? { ok: true, recoveryCode: next.recoveryCode, certificate: taken.certificate } : { ok: false, reason: 'no-home' };
}

/**
 * After the county's PC is set up and its recovery code written down: the county's root
 * organisation (its code the authority's, so the tree and the authority agree) and the first-start
 * choice, in one write. A PC whose tree already has a root (a restored county PC that imported the
 * county's file, a PC upgraded with the county's figures) only records the choice, if it has none.
 */
export async function startCountyTree(store: Store, county: string, name: BilingualText): Promise<void> {
  const orgs = (await store.db.rows(ORG_TABLE).toArray()).filter((r) => r._deleted !== true).map((r) => rowValues<Org>(r));
  if (orgs.some((o) => o.parentId === null)) {
    // A PC that worked before (upgraded, or set up later from the enrolment page) keeps its choice.
    if (!(await setupChoice(store.db))) await startEmpty(store);
    return;
  }
  const setup: MetaEntry[] = [{ key: 'setup', value: 'empty' }];
  const root = createOrgWrites({ id: `org-${county}`, code: county, name, kind: 'county', parentId: null }, orgs);
  if (!root.ok) throw new Error(`county root: ${root.issues.map((i) => i.reason).join(', ')}`);
  await store.repo.write(root.writes, setup);
}

/** The held authority opened with its passphrase (to sign), or why not. */
async function openHeldAuthority(db: LeagueDeskDb, passphrase: string): Promise<{ ok: true; file: AuthorityFile; keys: KeyPair; county: string } | { ok: false; reason: AuthorityFileRefusal | 'no-authority' }> {
  const file = await inTransaction(db, 'r', ['meta'], readHeldAuthority);
  if (file === undefined) return { ok: false, reason: 'no-authority' };
  const opened = await readAuthorityFile(writeAuthorityFile(file), passphrase);
  if (!opened.ok) return { ok: false, reason: opened.reason };
  return { ok: true, file, keys: opened.value.authority, county: file.county };
}

/**
 * The authority file's text to save to a USB drive, after the passphrase is checked (a drive with a
 * file nobody can open would be no backup), with the name to suggest.
 */
export async function authorityBackup(store: Store, passphrase: string): Promise<{ ok: true; text: string; fileName: string } | { ok: false; reason: AuthorityFileRefusal | 'no-authority' }> {
  const opened = await openHeldAuthority(store.db, passphrase);
  if (!opened.ok) return opened;
  return { ok: true, text: writeAuthorityFile(opened.file), fileName: `${opened.county}-authority.leaguekey` };
}

// --- joining a county ---

/** A PC asking to join: the request file's text, its name, and the fingerprint to read out. */
export async function requestToJoin(store: Store, now = new Date()): Promise<{ text: string; fileName: string; fingerprint: string }> {
  const name = nameForCertificate(store.identity.name, store.device.id);
  const request = await createEnrollmentRequest({ id: store.device.id, name, keys: store.device.keys }, now.toISOString());
  const pending: PendingEnrollment = { requested: request.created, name, fingerprint: fingerprint(request.key) };
  await inTransaction(store.db, 'rw', ['meta'], (tx) => meta(tx).put({ key: ENROLLMENT_KEY, value: pending }));
  return { text: `${JSON.stringify(request, null, 2)}\n`, fileName: `${store.device.id}.leaguejoin`, fingerprint: pending.fingerprint };
}

/** This PC's place in its county: the county's PC, enrolled (its certificate), asked to join, or alone. */
export type Enrollment =
  | { state: 'county'; county: string; authorityFingerprint: string; certificate?: Certificate }
  | { state: 'enrolled'; county: string; countyName?: AuthorityRecord['name']; demo: boolean; certificate: Certificate }
  | { state: 'requested'; pending: PendingEnrollment }
  | { state: 'alone' };

/** Where this PC stands (for the welcome screen, the PCs page and the "not enrolled" mark). */
export async function readEnrollment(store: Store): Promise<Enrollment> {
  // Everything is read first, in one transaction (a live query observes what it reads); the
  // signatures are checked after it.
  const held = await inTransaction(store.db, 'r', ['meta', TRUST_STORE], async (tx) => ({
    home: await readHomeAuthority(tx),
    authority: await readHeldAuthority(tx),
    pending: await readMeta<PendingEnrollment>(tx, ENROLLMENT_KEY),
    successions: (await trustTable(tx).where('kind').equals('succession').toArray()).map((e) => e.record as object),
    certificates: (await trustTable(tx).where('[kind+device]').equals(['certificate', store.device.id]).toArray()).map((e) => e.record as Certificate),
  }));
  const mine = await standingCertificate(held.home, held.successions, held.certificates, store.device.keys.publicKey);
  if (held.authority && held.home) return { state: 'county', county: held.home.county, authorityFingerprint: fingerprint(held.home.key), ...(mine ? { certificate: mine } : {}) };
  if (held.home && mine) return { state: 'enrolled', county: held.home.county, ...(held.home.name ? { countyName: held.home.name } : {}), demo: held.home.demo, certificate: mine };
  if (held.pending) return { state: 'requested', pending: held.pending };
  return { state: 'alone' };
}

/**
 * This PC's newest certificate for its own key that stands under the pinned county (its signature
 * and its issuer checked, as an import checks them): a forged certificate carried in some file
 * shows no role here, as the write gate grants it none.
 */
async function standingCertificate(home: AuthorityRecord | undefined, successions: readonly object[], certificates: readonly Certificate[], key: KeyPair['publicKey']): Promise<Certificate | undefined> {
  const candidates = certificates.filter((c) => sameKey(c.key, key));
  if (home === undefined || candidates.length === 0) return undefined;
  const [checked, material] = await Promise.all([checkAuthorityRecord(home), prepareMaterial(carriedMaterial([...successions, ...candidates]))]);
  if (!checked.ok || checked.value.signature !== 'valid') return undefined;
  return newestStanding([...trustView(checked.value, material).certificates.values()].flat());
}

export type AnswerImportRefusal = AnswerRefusal | 'home-fixed' | 'not-requested';

/** A county's answer, read and checked, before it is taken: what the person confirms. */
export interface OpenedAnswer {
  answer: ReadAnswer;
  county: string;
  countyName?: AuthorityRecord['name'];
  /** The county authority's fingerprint, as the county's PCs page shows it. */
  authorityFingerprint: string;
  /**
   * True when taking it makes this PC belong to a county for good (none pinned yet): a person
   * first compares the authority's fingerprint with the one the county office reads out, so a
   * forged answer cannot take the PC over. False for a renewal from the county already pinned.
   */
  confirm: boolean;
}

/**
 * Reads the county's answer: only one holding a certificate for this PC's device id and key that
 * the county's authority signed; of another county than the one pinned it is refused
 * (`home-fixed`); a PC that belongs to no county takes one only after asking (`not-requested`).
 */
export async function openEnrollmentAnswer(store: Store, text: string): Promise<{ ok: true; opened: OpenedAnswer } | { ok: false; reason: AnswerImportRefusal }> {
  const read = await readEnrollmentAnswer(text, { device: store.device.id, key: store.device.keys.publicKey });
  if (!read.ok) return { ok: false, reason: read.reason };
  const { home, pending } = await inTransaction(store.db, 'r', ['meta'], async (tx) => ({ home: await readHomeAuthority(tx), pending: await readMeta<PendingEnrollment>(tx, ENROLLMENT_KEY) }));
  const answered = read.value.home;
  if (home && !sameKey(home.key, answered.key)) return { ok: false, reason: 'home-fixed' };
  if (!home && !pending) return { ok: false, reason: 'not-requested' };
  return {
    ok: true,
    opened: { answer: read.value, county: answered.county, ...(answered.name ? { countyName: answered.name } : {}), authorityFingerprint: fingerprint(answered.key), confirm: !home },
  };
}

/** Takes an opened answer: pins its authority as home and keeps every record of the file. The same answer twice changes nothing. */
export async function takeEnrollmentAnswer(store: Store, { answer }: OpenedAnswer): Promise<{ ok: true; certificate: Certificate; pinned: 'now' | 'already' } | { ok: false; reason: AnswerImportRefusal }> {
  const pinned = await pinHomeAuthority(store.db, answer.home);
  if (!pinned.ok) return { ok: false, reason: 'home-fixed' };
  await inTransaction(store.db, 'rw', ['meta', TRUST_STORE], async (tx) => {
    await putTrustRecords(tx, trustEntries(answer.records));
    await meta(tx).delete(ENROLLMENT_KEY);
  });
  // What this PC imported while it belonged to no county was applied undecided: decided now, once.
  if (pinned.pinned === 'now') await decideHeldLog(store.db, store.enforceTrust, new Date(), store.device);
  return { ok: true, certificate: answer.certificate, pinned: pinned.pinned };
}

/** Opens and takes an answer in one step (the confirmation being the caller's: tests, the command line). */
export async function importEnrollmentAnswer(store: Store, text: string): Promise<{ ok: true; certificate: Certificate; pinned: 'now' | 'already' } | { ok: false; reason: AnswerImportRefusal }> {
  const opened = await openEnrollmentAnswer(store, text);
  return opened.ok ? takeEnrollmentAnswer(store, opened.opened) : opened;
}

// --- the county's PCs page ---

export type RequestRefusal = EnrollmentRefusal | 'not-json' | 'own-request';

/** A request file opened on the county's PC: the request and the fingerprint to compare aloud. */
export async function openEnrollmentRequest(store: Store, text: string): Promise<{ ok: true; request: EnrollmentRequest; fingerprint: string } | { ok: false; reason: RequestRefusal }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const read = await readEnrollmentRequest(json);
  if (!read.ok) return { ok: false, reason: read.reason };
  if (read.value.device === store.device.id) return { ok: false, reason: 'own-request' };
  return { ok: true, request: read.value, fingerprint: read.fingerprint };
}

export type IssueRefusal = IssuingRefusal | AuthorityFileRefusal | 'no-authority';

/**
 * Issues the certificate for a request (read and its fingerprint compared by a person), signed with
 * the held authority opened by `passphrase`; keeps it, and returns the answer file to carry back:
 * the home record and every succession, certificate and revocation the county holds.
 */
export async function issueForRequest(
  store: Store,
  request: EnrollmentRequest,
  terms: CertificateTerms,
  passphrase: string,
  now = new Date(),
): Promise<{ ok: true; certificate: Certificate; answer: { text: string; fileName: string } } | { ok: false; reason: IssueRefusal }> {
  const opened = await openHeldAuthority(store.db, passphrase);
  if (!opened.ok) return opened;
  const issued = await issueCertificate(request, terms, { county: opened.county, keys: opened.keys }, now.toISOString());
  if (!issued.ok) return issued;
  const answer = await inTransaction(store.db, 'rw', ['meta', TRUST_STORE], async (tx) => {
    await putTrustRecords(tx, [trustEntry('certificate', issued.value)]);
    const home = (await readHomeAuthority(tx)) ?? opened.file.home;
    return enrollmentAnswer({ home, device: request.device, issued: issued.value.issued, records: await trustRecordsFor(tx, []) });
  });
  // What that PC sent before it was certified waits on the refused page: decided again now, on the
  // county's own PC, rather than at the next import.
  const waiting = await inTransaction(store.db, 'r', [REFUSED_STORE], (tx) => refusedTable(tx).where('device').equals(request.device).count());
  if (waiting > 0) await decideHeldLog(store.db, store.enforceTrust, now, store.device);
  return { ok: true, certificate: issued.value, answer: { text: writeEnrollmentAnswer(answer), fileName: `${opened.county}-${request.device}.leaguecert` } };
}

/**
 * The county revokes a PC: cut at the greatest stamp of the PC's changes this PC holds and the
 * seals of it held (never the PC's clock). The revocation is kept with the trust records, so it
 * travels in every bundle from here.
 */
export async function revokePc(store: Store, device: string, cause: RevocationCause, passphrase: string, now = new Date()): Promise<{ ok: true } | { ok: false; reason: AuthorityFileRefusal | 'no-authority' | 'own-pc' }> {
  if (device === store.device.id) return { ok: false, reason: 'own-pc' };
  const opened = await openHeldAuthority(store.db, passphrase);
  if (!opened.ok) return opened;
  const { vector, seen } = await inTransaction(store.db, 'r', ['vector', TRUST_STORE], async (tx) => ({
    vector: await readVector(tx),
    seen: (await trustTable(tx).where('[kind+device]').equals(['seal', device]).toArray()).map((e) => e.id),
  }));
  const revocation = await revokeDevice({ device, vector, seen, cause }, { county: opened.county, keys: opened.keys }, now.toISOString());
  await inTransaction(store.db, 'rw', [TRUST_STORE], (tx) => putTrustRecords(tx, [trustEntry('revocation', revocation)]));
  return { ok: true };
}

export type PcStatus = 'active' | 'expired' | 'revoked';

export interface EnrolledPc {
  device: string;
  name: string;
  role: Role;
  scope: string;
  grants: readonly string[];
  /** A judge's assignments: per contest, the judge it scores as. */
  judging: NonNullable<Certificate['judging']>;
  fingerprint: string;
  issued: string;
  validTo: string;
  /** The greatest stamp held of the PC's changes; undefined when none has arrived. */
  lastSeen?: string;
  status: PcStatus;
  revocation?: { cause: RevocationCause; issued: string };
  /** This PC itself. */
  self: boolean;
}

/**
 * The county's PCs as this PC knows them: for each device, its latest certificate the county's
 * authority signed, its last change seen and whether it is revoked or expired. Signatures are
 * checked after the read transaction.
 */
export async function readEnrolledPcs(store: Store, now = new Date()): Promise<EnrolledPc[]> {
  return judgeEnrolledPcs(store, await readPcsHeld(store), now);
}

/** What the PCs list is made of, read in one transaction (a live query re-reads it on every change). */
export interface PcsHeld {
  home: AuthorityRecord | undefined;
  vector: Readonly<Record<string, string>>;
  records: object[];
}

export function readPcsHeld(store: Store): Promise<PcsHeld> {
  return inTransaction(store.db, 'r', ['meta', 'vector', TRUST_STORE], async (tx) => ({
    home: await readHomeAuthority(tx),
    vector: await readVector(tx),
    records: await trustRecordsFor(tx, []),
  }));
}

/** The PCs list from what was read: signatures are checked here, outside any transaction. */
export async function judgeEnrolledPcs(store: Store, held: PcsHeld, now = new Date()): Promise<EnrolledPc[]> {
  if (held.home === undefined) return [];
  const home = await checkAuthorityRecord(held.home);
  if (!home.ok) return [];
  const material = await prepareMaterial(carriedMaterial(held.records));
  const view = trustView(home.value, material);
  const at = now.toISOString();
  const pcs: EnrolledPc[] = [];
  for (const [device, standings] of view.certificates) {
    const cert = newestStanding(standings);
    if (cert === undefined) continue;
    const revoked = (view.revocations.get(device) ?? []).map((c) => c.record).sort((a, b) => (a.issued < b.issued ? -1 : 1))[0];
    pcs.push({
      device,
      name: cert.name,
      role: cert.role,
      scope: cert.scope,
      grants: cert.grants,
      judging: cert.judging ?? [],
      fingerprint: fingerprint(cert.key),
      issued: cert.issued,
      validTo: cert.validTo,
      ...(held.vector[device] ? { lastSeen: held.vector[device] } : {}),
      status: revoked ? 'revoked' : cert.validTo <= at ? 'expired' : 'active',
      ...(revoked ? { revocation: { cause: revoked.cause, issued: revoked.issued } } : {}),
      self: device === store.device.id,
    });
  }
  // This PC first, then by issue, oldest first.
  return pcs.sort((a, b) => Number(b.self) - Number(a.self) || (a.issued < b.issued ? -1 : a.issued > b.issued ? 1 : a.device < b.device ? -1 : 1));
}
