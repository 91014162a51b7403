import { canonicalJson } from '../canonical';
import { DATA_SCHEMA_VERSION } from '../change';
import { ORG_CODE_PATTERN } from '../scope';
import { HubError } from './errors';
import { CERTIFICATE_ROLE_PREFIXES, DB_NAME_PATTERN, DESIGN_DOC_ID, DEVICE_NAME_PATTERN, designDoc, deviceRole, leagueRole, memberRole, scopeRole, securityDoc, type HubPolicy } from './design';
import { errorWord, isObject, send, unexpected, type Answer } from './http';
import type { HubTransport } from './protocol';

/** What a step of setup did; running setup again reports `unchanged` everywhere. */
export type StepOutcome = 'created' | 'updated' | 'unchanged';

export interface SetupReport {
  admin: StepOutcome;
  users: StepOutcome;
  database: StepOutcome;
  security: StepOutcome;
  design: StepOutcome;
}

export interface ServerAccess {
  /** Requests to the server root, with the admin's credentials. */
  admin: HubTransport;
  /** The same without credentials: to see whether the hub is still an "admin party". */
  anonymous: HubTransport;
  adminName?: string;
  adminPassword?: string;
}


/**
 * Prepares a county database on a CouchDB-protocol hub (`league-desk hub setup`). Idempotent: each
 * step reads first and writes only what differs, so a second run changes nothing. `policy`: the
 * app's (shared/app/hub.ts `APP_HUB_POLICY`).
 */
export async function setupHub(server: ServerAccess, db: string, policy: HubPolicy): Promise<SetupReport> {
  if (!DB_NAME_PATTERN.test(db)) throw new HubError('wrong-address', { problem: 'database name' });
  await expectCouch(server.admin);
  const admin = await ensureAdmin(server);
  const users = await ensureDatabase(server.admin, '_users');
  const database = await ensureDatabase(server.admin, db);
  const security = await ensureSecurity(server.admin, db);
  const design = await ensureDesign(server.admin, db, policy);
  return { admin, users, database, security, design };
}

export interface DeviceAccount {
  name: string;
  password: string;
  /** The organisation code the device may write (and everything under it). */
  scope: string;
  /**
   * From the PC's certificate (`hub add-device --certificate`): the one device id the account
   * writes as, and its role key (policy.ts `roleKey`). Without them the account is held only to
   * `scope` (accounts made before certificates).
   */
  certified?: { device: string; role: string };
}

/** Creates or corrects a device account (`league-desk hub add-device`). Idempotent. */
export async function addDevice(server: ServerAccess, db: string, device: DeviceAccount, checkLogin: HubTransport): Promise<StepOutcome> {
  if (!DB_NAME_PATTERN.test(db)) throw new HubError('wrong-address', { problem: 'database name' });
  if (!DEVICE_NAME_PATTERN.test(device.name)) throw new HubError('bad-answer', { problem: 'device name' });
  if (!ORG_CODE_PATTERN.test(device.scope)) throw new HubError('bad-answer', { problem: 'scope' });
  await expectCouch(server.admin);
  await ensureSession(server.admin, true);
  const path = `_users/${encodeURIComponent(`org.couchdb.user:${device.name}`)}`;
  const existing = await send(server.admin, { method: 'GET', path });
  if (existing.status !== 200 && existing.status !== 404) throw unexpected(existing, 'user');
  const held = existing.status === 200 && isObject(existing.body) ? existing.body : undefined;
  const heldRoles = Array.isArray(held?.['roles']) ? (held['roles'] as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  // Keep roles for other databases; the scope and the certificate's terms are replaced (an account
  // has one scope, and is one PC).
  const fromCertificate = device.certified ? [deviceRole(device.certified.device), leagueRole(device.certified.role)] : [];
  const kept = heldRoles.filter((r) => !CERTIFICATE_ROLE_PREFIXES.some((prefix) => r.startsWith(prefix)));
  const roles = [...new Set([...kept, memberRole(db), scopeRole(device.scope), ...fromCertificate])].sort();
  if (held) {
    const sameRoles = canonicalJson([...heldRoles].sort()) === canonicalJson(roles);
    if (sameRoles && (await passwordWorks(checkLogin, device.name))) return 'unchanged';
  }
  const doc: Record<string, unknown> = { _id: `org.couchdb.user:${device.name}`, name: device.name, type: 'user', roles, password: device.password };
  if (held && typeof held['_rev'] === 'string') doc['_rev'] = held['_rev'];
  const put = await send(server.admin, { method: 'PUT', path, body: doc });
  if (put.status !== 201 && put.status !== 202) throw unexpected(put, 'user');
  return held ? 'updated' : 'created';
}

async function passwordWorks(login: HubTransport, name: string): Promise<boolean> {
  const answer = await send(login, { method: 'GET', path: '_session' });
  if (answer.status !== 200) return false;
  const ctx = isObject(answer.body) && isObject(answer.body['userCtx']) ? answer.body['userCtx'] : {};
  return ctx['name'] === name;
}

async function expectCouch(transport: HubTransport): Promise<void> {
  const root = await send(transport, { method: 'GET', path: '' });
  if (root.status === 401) return; // CouchDB 3 with require_valid_user: the session check says more.
  if (root.status !== 200 || !isObject(root.body) || !('couchdb' in root.body || 'express-pouchdb' in root.body)) {
    throw new HubError('wrong-address', { problem: 'not a CouchDB server', status: root.status });
  }
}

function rolesOf(answer: Answer): { name: unknown; roles: string[] } {
  const ctx = isObject(answer.body) && isObject(answer.body['userCtx']) ? answer.body['userCtx'] : {};
  const roles = Array.isArray(ctx['roles']) ? (ctx['roles'] as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  return { name: ctx['name'], roles };
}

async function ensureSession(transport: HubTransport, mustBeAdmin: boolean): Promise<boolean> {
  const session = await send(transport, { method: 'GET', path: '_session' });
  if (session.status === 401) throw new HubError('wrong-password');
  if (session.status !== 200) throw unexpected(session, 'session');
  const isAdmin = rolesOf(session).roles.includes('_admin');
  if (mustBeAdmin && !isAdmin) throw new HubError('no-right', { problem: 'not a server admin' });
  return isAdmin;
}

/**
 * A fresh `npm run hub` has no admin ("admin party": everyone is admin). If the URL names an admin
 * the hub does not know yet and the hub is still in that state, the admin is created — through
 * `_config` (pouchdb-server) or `_node/_local/_config` (CouchDB 2+).
 */
async function ensureAdmin(server: ServerAccess): Promise<StepOutcome> {
  const session = await send(server.admin, { method: 'GET', path: '_session' });
  if (session.status === 200 && rolesOf(session).roles.includes('_admin')) {
    const name = rolesOf(session).name;
    if (name === server.adminName || (server.adminName === undefined && typeof name === 'string')) return 'unchanged';
    // Admin only because the hub has no admin at all: setting it up like that would leave the
    // county's data open to anyone on the network.
    if (server.adminName === undefined) throw new HubError('admin-needed');
  } else if (session.status !== 401 && session.status !== 200) {
    throw unexpected(session, 'session');
  }
  const anonymous = await send(server.anonymous, { method: 'GET', path: '_session' });
  const party = anonymous.status === 200 && rolesOf(anonymous).roles.includes('_admin');
  if (!party) throw new HubError(session.status === 401 ? 'wrong-password' : 'no-right', { problem: 'not a server admin' });
  if (!server.adminName || !server.adminPassword) throw new HubError('admin-needed');
  const name = encodeURIComponent(server.adminName);
  let put = await send(server.anonymous, { method: 'PUT', path: `_config/admins/${name}`, body: server.adminPassword });
  if (put.status === 404 || put.status === 400) {
    put = await send(server.anonymous, { method: 'PUT', path: `_node/_local/_config/admins/${name}`, body: server.adminPassword });
  }
  if (put.status !== 200) throw unexpected(put, 'admin');
  await ensureSession(server.admin, true);
  return 'created';
}

async function ensureDatabase(transport: HubTransport, db: string): Promise<StepOutcome> {
  const put = await send(transport, { method: 'PUT', path: encodeURIComponent(db) });
  if (put.status === 201 || put.status === 202) return 'created';
  if (put.status === 412 && errorWord(put.body) === 'file_exists') return 'unchanged';
  throw unexpected(put, `database ${db}`);
}

async function ensureSecurity(transport: HubTransport, db: string): Promise<StepOutcome> {
  const path = `${encodeURIComponent(db)}/_security`;
  const held = await send(transport, { method: 'GET', path });
  if (held.status !== 200) throw unexpected(held, 'security');
  const wanted = securityDoc(db);
  const heldMembers = isObject(held.body) && isObject(held.body['members']) ? held.body['members'] : {};
  const heldRoles = Array.isArray(heldMembers['roles']) ? (heldMembers['roles'] as unknown[]) : [];
  if (heldRoles.includes(wanted.members.roles[0])) return 'unchanged';
  // Keep whatever the hub's operator added; add our role.
  const body = isObject(held.body) ? { ...held.body } : {};
  body['admins'] = isObject(body['admins']) ? body['admins'] : wanted.admins;
  body['members'] = { names: Array.isArray(heldMembers['names']) ? heldMembers['names'] : [], roles: [...heldRoles, ...wanted.members.roles] };
  const put = await send(transport, { method: 'PUT', path, body });
  if (put.status !== 200 && put.status !== 201) throw unexpected(put, 'security');
  return Object.keys(heldMembers).length === 0 && Object.keys(held.body ?? {}).length === 0 ? 'created' : 'updated';
}

async function ensureDesign(transport: HubTransport, db: string, policy: HubPolicy): Promise<StepOutcome> {
  const path = `${encodeURIComponent(db)}/${DESIGN_DOC_ID}`;
  const held = await send(transport, { method: 'GET', path });
  if (held.status !== 200 && held.status !== 404) throw unexpected(held, 'design');
  const wanted = designDoc(policy);
  if (held.status === 200 && isObject(held.body)) {
    const meta = isObject(held.body['leagueDesk']) ? held.body['leagueDesk'] : {};
    if (typeof meta['schema'] === 'number' && meta['schema'] > DATA_SCHEMA_VERSION) throw new HubError('app-older', { schema: meta['schema'] });
    if (held.body['validate_doc_update'] === wanted.validate_doc_update && canonicalJson(meta) === canonicalJson(wanted.leagueDesk)) return 'unchanged';
  }
  const body = held.status === 200 && isObject(held.body) && typeof held.body['_rev'] === 'string' ? { ...wanted, _rev: held.body['_rev'] } : wanted;
  const put = await send(transport, { method: 'PUT', path, body });
  if (put.status !== 201 && put.status !== 202) throw unexpected(put, 'design');
  return held.status === 200 ? 'updated' : 'created';
}
