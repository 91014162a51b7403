import { expect } from 'vitest';
import type { Change } from '../../../shared/sync/change';
import { formatStamp } from '../../../shared/sync/hlc';
import { createAuthority, succeedAuthority, type CreatedAuthority, type Successor } from '../../../shared/trust/authority';
import { firstGeneration, type AuthorityRecord } from '../../../shared/trust/authorityRecords';
import { issueCertificate, type Certificate, type CertificateTerms } from '../../../shared/trust/certificate';
import { decideAll, type Decision } from '../../../shared/trust/decide';
import { createEnrollmentRequest } from '../../../shared/trust/enrollment';
import { generateKeyPair, type KeyPair } from '../../../shared/trust/keys';
import { checkAuthorityRecord, mergeMaterial, prepareMaterial, type Checked, type TrustMaterial } from '../../../shared/trust/material';
import { revokeDevice, type RevocationCause } from '../../../shared/trust/revocation';
import { changeHash, sealChanges, type Seal } from '../../../shared/trust/seal';
import { MIN_PBKDF2_ITERATIONS } from '../../../shared/trust/sealedKey';
import { recordId } from '../../../shared/trust/signed';
import { APP_REGISTRY } from '../../../shared/app/registry';

/** The readers' minimum work factor: the tests make many encrypted keys; the app's default is 600,000. */
export const ITERATIONS = MIN_PBKDF2_ITERATIONS;
export const PASSPHRASE = '轮台县团委 authority 2026';
export const T0 = Date.UTC(2026, 2, 1);
export const ISO = (ms: number) => new Date(ms).toISOString();
export const DAY = 86_400_000;
export const RULES = APP_REGISTRY.rules;

export interface County {
  code: string;
  created: CreatedAuthority;
  home: Checked<AuthorityRecord>;
  authority: { county: string; keys: KeyPair };
}

export async function makeCounty(code = 'LT'): Promise<County> {
  const made = await createAuthority({ county: code, passphrase: PASSPHRASE, created: ISO(T0 - 30 * DAY), iterations: ITERATIONS });
  if (!made.ok) throw new Error(made.reason);
  const home = await checkAuthorityRecord(made.value.record);
  if (!home.ok) throw new Error(home.problem);
  return { code, created: made.value, home: home.value, authority: { county: code, keys: made.value.authority } };
}

/** The county's next authority generation, signed by its current authority key (or `signer`). */
export async function succeed(county: County, signer: KeyPair = county.created.authority, at = ISO(T0)): Promise<Successor> {
  const next = await succeedAuthority({
    home: county.created.record,
    successions: [],
    current: firstGeneration(county.created.record),
    signer,
    at,
    passphrase: 'the next authority’s passphrase',
    iterations: ITERATIONS,
  });
  if (!next.ok) throw new Error(next.reason);
  return next.value;
}

export interface Pc {
  id: string;
  keys: KeyPair;
  /** The clock of the changes this PC makes (ms), counting up. */
  wall: number;
  counter: number;
}

export async function makePc(id: string, keys?: KeyPair): Promise<Pc> {
  return { id, keys: keys ?? (await generateKeyPair()), wall: T0, counter: 0 };
}

export const DEFAULT_VALIDITY = { validFrom: ISO(T0 - 10 * DAY), validTo: ISO(T0 + 365 * DAY) };

export async function certify(county: County, pc: Pc, terms: Partial<CertificateTerms> & Pick<CertificateTerms, 'role' | 'scope'>, issued = ISO(T0 - 5 * DAY)): Promise<Certificate> {
  const request = await createEnrollmentRequest({ id: pc.id, name: `PC ${pc.id}`, keys: pc.keys }, ISO(T0 - 6 * DAY));
  const issuedCertificate = await issueCertificate(request, { ...DEFAULT_VALIDITY, ...terms }, county.authority, issued);
  if (!issuedCertificate.ok) throw new Error(issuedCertificate.reason);
  return issuedCertificate.value;
}

/** A change as a PC writes it: the next stamp on its clock. */
export function write(pc: Pc, table: string, row: string, fields: Record<string, unknown>, options: { at?: number; base?: Record<string, string> } = {}): Change {
  if (options.at !== undefined && options.at !== pc.wall) {
    pc.wall = options.at;
    pc.counter = 0;
  } else pc.counter += 1;
  const stamp = formatStamp(pc.wall, pc.counter, pc.id);
  const base = options.base ?? Object.fromEntries(Object.keys(fields).map((f) => [f, '']));
  return { id: stamp, hlc: stamp, device: pc.id, author: `author-${pc.id}`, table, row, fields, base, scope: 'LT', schema: 1 };
}

export async function seal(pc: Pc, changes: Change[]): Promise<Seal> {
  return sealChanges(changes, { id: pc.id, keys: pc.keys });
}

export async function revoke(county: County, pc: Pc, frontier: string, seen: Seal[], cause: RevocationCause = 'stolen') {
  return revokeDevice({ device: pc.id, vector: { [pc.id]: frontier }, seen: seen.map(recordId), cause }, county.authority, ISO(T0 + 20 * DAY));
}

/** Every change of the material decided, by change id (the tests' changes have unique ids unless they say otherwise). */
export async function decide(county: County, ...sets: TrustMaterial[]): Promise<Map<string, Decision>> {
  const prepared = mergeMaterial(...(await Promise.all(sets.map(prepareMaterial))));
  const byHash = decideAll(county.home, prepared, RULES);
  const byId = new Map<string, Decision>();
  for (const { change, hash } of prepared.changes) byId.set(change.id, byHash.get(hash)!);
  return byId;
}

export function expectAccepted(decisions: Map<string, Decision>, ...changes: Change[]): void {
  for (const change of changes) expect(decisions.get(change.id), `${change.table} ${JSON.stringify(change.fields)}`).toMatchObject({ status: 'accepted' });
}

export function expectRefused(decisions: Map<string, Decision>, reason: string, ...changes: Change[]): void {
  for (const change of changes) expect(decisions.get(change.id), `${change.table} ${JSON.stringify(change.fields)}`).toMatchObject({ status: 'refused', reason });
}

export { changeHash };

/** A county with its PCs and its organisation tree, written and sealed by the county PC. */
export interface Cast {
  county: County;
  countyPc: Pc;
  lt03: Pc;
  lt05: Pc;
  jobs03: Pc;
  judge: Pc;
  viewer: Pc;
  certificates: Certificate[];
  /** The county PC's tree: the county, townships LT-03 and LT-05, a branch under LT-03. */
  tree: Change[];
  treeSeal: Seal;
}

export const ORG = { county: 'org-LT', lt03: 'org-LT-03', lt03branch: 'org-LT-03-001', lt05: 'org-LT-05' } as const;

export async function makeCast(): Promise<Cast> {
  const county = await makeCounty();
  const [countyPc, lt03, lt05, jobs03, judge, viewer] = await Promise.all(
    ['00000000000000c0', '0000000000000a03', '0000000000000a05', '0000000000000b03', '00000000000000d1', '00000000000000e1'].map((id) => makePc(id)),
  );
  const certificates = [
    await certify(county, countyPc!, { role: 'countyAdmin', scope: 'LT' }),
    await certify(county, lt03!, { role: 'townshipOfficer', scope: 'LT-03' }),
    await certify(county, lt05!, { role: 'townshipOfficer', scope: 'LT-05' }),
    await certify(county, jobs03!, { role: 'townshipOfficer', scope: 'LT-03', grants: ['jobs'] }),
    await certify(county, judge!, { role: 'judge', scope: 'LT', judging: [{ contest: 'contest-1', judge: 'j1' }] }),
    await certify(county, viewer!, { role: 'viewer', scope: 'LT' }),
  ];
  const org = (code: string, kind: string, parentId: string | null) => ({ code, name: { zh: code }, kind, parentId, archived: false });
  const tree = [
    write(countyPc!, 'org', ORG.county, org('LT', 'county', null), { at: T0 }),
    write(countyPc!, 'org', ORG.lt03, org('LT-03', 'township', ORG.county)),
    write(countyPc!, 'org', ORG.lt03branch, org('LT-03-001', 'branch', ORG.lt03)),
    write(countyPc!, 'org', ORG.lt05, org('LT-05', 'township', ORG.county)),
  ];
  for (const pc of [lt03, lt05, jobs03, judge, viewer]) pc!.wall = T0 + 60_000;
  countyPc!.wall = T0 + 30_000;
  return { county, countyPc: countyPc!, lt03: lt03!, lt05: lt05!, jobs03: jobs03!, judge: judge!, viewer: viewer!, certificates, tree, treeSeal: await seal(countyPc!, tree) };
}

/** The cast's base material (certificates, tree) and these PCs' changes, each PC's sealed as one batch. */
export async function decideWithCast(cast: Cast, batches: [Pc, Change[]][], extra: TrustMaterial = {}): Promise<Map<string, Decision>> {
  const seals = await Promise.all(batches.filter(([, changes]) => changes.length > 0).map(([pc, changes]) => seal(pc, changes)));
  return decide(cast.county, { certificates: cast.certificates, changes: cast.tree, seals: [cast.treeSeal] }, { changes: batches.flatMap(([, c]) => c), seals }, extra);
}

/** A report of an organisation in a round, as the grid creates it. */
export function newReport(orgId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { roundId: 'round-2026', orgId, period: '2026', status: 'draft', ...fields };
}
