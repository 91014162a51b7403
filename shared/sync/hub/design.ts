import { DATA_SCHEMA_VERSION } from '../change';

/** The design document `league-desk hub setup` writes into the county's database. */
export const DESIGN_DOC_ID = '_design/league';

/** Bumped when the validation rules below change; setup replaces an older design document. */
export const HUB_SETUP_VERSION = 4;
/**
 * The first setup whose validation takes trust documents. A client does not sync with a hub set up
 * before (`not-set-up`: run `hub setup` again): the PCs pulling from it would keep every change
 * aside for want of its seal.
 */
export const TRUST_SETUP_VERSION = 4;

/**
 * Size limits, the same on the hub and in the client (docs/HUB.md, "Limits"). A change document
 * (its JSON, UTF-8, attachments aside) holds one row's written fields: the longest legitimate one
 * is a contest entry's text (200,000 characters, 600 KB in Chinese), so 1 MiB. A blob is one
 * photo's display copy (JPEG, at most 2560 px on the long side: 1–4 MB), so 10 MiB. A request
 * carries a push chunk or a batch of blobs (4 MiB of photos plus one more, base64) — 32 MiB.
 * A device that posted 40 MB documents made every PC's pull of the county slow and big for good.
 */
export const MAX_CHANGE_DOC_BYTES = 1024 * 1024;
export const MAX_BLOB_BYTES = 10 * 1024 * 1024;
export const MAX_HUB_REQUEST_BYTES = 32 * 1024 * 1024;

/** Blob documents: `_id` = `blob:<sha256>`, one attachment named `data`. */
export const BLOB_ID_PREFIX = 'blob:';
export const BLOB_ATTACHMENT = 'data';

/**
 * Trust documents (certificates, successions, revocations, seals, checkpoints): `_id` = `trust:<record id>`,
 * the record id being the sha-256 of the record's canonical JSON, so the same record pushed by two
 * PCs is one document. `{ _id, kind: 'trust', id, record }`, nothing else.
 */
export const TRUST_ID_PREFIX = 'trust:';
export const TRUST_KIND = 'trust';

/** The role that makes an account a member of one county database. */
export function memberRole(db: string): string {
  return `league-device:${db}`;
}

/** The role that limits an account's writes to one organisation and everything under it. */
export function scopeRole(scope: string): string {
  return `scope:${scope}`;
}

/** The role naming the one PC (device id) an account made from a certificate writes as. */
export function deviceRole(device: string): string {
  return `device:${device}`;
}

/** The role carrying the certificate's role and grants (policy.ts `roleKey`). */
export function leagueRole(key: string): string {
  return `league-role:${key}`;
}

/** `role` or `role+grant+…` (grants sorted): how an account's roles name its certificate's terms. */
export function roleKey(role: string, grants: readonly string[]): string {
  return [role, ...[...new Set(grants)].sort()].join('+');
}

/**
 * What validate_doc_update holds certificate accounts to, derived from the trust rules every PC
 * applies (shared/trust/hubPolicy.ts) and handed in by the composition root (shared/app/hub.ts).
 */
export interface HubPolicy {
  /** The table of organisations, whose rows carry their own code. */
  orgTable: string;
  /** Per table, the role keys that may write it. A table not listed: nobody but the server admin. */
  tables: Record<string, string[]>;
  /** Per table and role key, the status values that role may never write there. */
  statuses: Record<string, Record<string, string[]>>;
}

/** Roles `hub add-device` sets from a certificate, replaced whenever the account is issued again. */
export const CERTIFICATE_ROLE_PREFIXES = ['scope:', 'device:', 'league-role:'] as const;

/**
 * Runs on the hub (CouchDB's JavaScript engine or pouchdb-server's), so it is ES5 source text.
 * Change documents are immutable: created once, never updated or deleted (an update's `oldDoc` is
 * set, a delete has `_deleted`). A change's `_id` must be its `id`, a blob's must be `blob:<hash>`.
 * Sizes are held to the limits above, for everyone: a change document's JSON without attachments
 * (UTF-8 bytes), and each attachment — a blob has exactly one, named `data`; a change has none.
 * CouchDB shows an attachment as a stub with its `length`; pouchdb-server shows inline base64
 * `data` (or the bytes of a single upload).
 *
 * A writer without `_admin`:
 * - made from a certificate (`hub add-device --certificate`: roles `device:<id>`,
 *   `league-role:<role>`, `scope:<code>`) writes only changes its own PC wrote (`not-own-device`),
 *   only to tables its role may write (`role-not-allowed`), never a status its role may not give
 *   (`status-not-allowed`: a township approving), and an organisation row only with a code inside
 *   its scope (`outside-scope`). The change's own `scope` field, which its writer chose, decides
 *   nothing. The table and status lists are the trust rules' own (policy.ts).
 * - made before certificates (no `device:` role) is held, as before, to `scope:<code>` for the
 *   document's `scope` field or an ancestor of it (whole code segments: `LT-1` does not cover
 *   `LT-10`). Re-issue such accounts from certificates (docs/HUB.md).
 * Blobs (photos, named by their hash) are held to the account's scope by their `scope` field.
 * Trust documents are taken from any member account if well-formed (`not-a-trust-record`): the hub
 * cannot check a signature or a hash, the pulling PC does both and keeps only what verifies.
 * Reasons are fixed words the client maps.
 */
export function validateDocUpdate(policy: HubPolicy): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var POLICY = ${JSON.stringify(policy)};
  var roles = (userCtx && userCtx.roles) || [];
  var admin = roles.indexOf('_admin') !== -1;
  if (newDoc._id.indexOf('_design/') === 0) {
    if (!admin) throw({ forbidden: 'design-admin-only' });
    return;
  }
  if (oldDoc || newDoc._deleted) throw({ forbidden: 'immutable' });
  var body = {};
  for (var key in newDoc) {
    if (key !== '_attachments' && key !== '_revisions' && Object.prototype.hasOwnProperty.call(newDoc, key)) body[key] = newDoc[key];
  }
  var json = JSON.stringify(body);
  var bytes = 0;
  for (var c = 0; c < json.length; c++) {
    var code = json.charCodeAt(c);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  if (bytes > ${MAX_CHANGE_DOC_BYTES}) throw({ forbidden: 'too-large' });
  var names = [];
  var attachments = newDoc._attachments || {};
  for (var name in attachments) {
    if (Object.prototype.hasOwnProperty.call(attachments, name)) names.push(name);
  }
  if (names.length > 0) {
    if (newDoc.kind !== 'blob' || names.length !== 1 || names[0] !== '${BLOB_ATTACHMENT}') throw({ forbidden: 'attachment-unexpected' });
    var att = attachments[names[0]] || {};
    var size = -1;
    if (typeof att.length === 'number') size = att.length;
    else if (typeof att.data === 'string') size = Math.floor(att.data.length / 4) * 3;
    else if (att.data && typeof att.data.length === 'number') size = att.data.length;
    if (size < 0 || size > ${MAX_BLOB_BYTES}) throw({ forbidden: 'too-large' });
  }
  if (newDoc.kind === '${TRUST_KIND}') {
    for (var field in newDoc) {
      if (Object.prototype.hasOwnProperty.call(newDoc, field) && field !== '_id' && field !== '_rev' && field !== '_revisions' && field !== 'kind' && field !== 'id' && field !== 'record') throw({ forbidden: 'not-a-trust-record' });
    }
    if (typeof newDoc.id !== 'string' || !/^[0-9a-f]{64}$/.test(newDoc.id)) throw({ forbidden: 'not-a-trust-record' });
    if (newDoc._id !== '${TRUST_ID_PREFIX}' + newDoc.id) throw({ forbidden: 'id-mismatch' });
    var record = newDoc.record;
    if (typeof record !== 'object' || record === null || Array.isArray(record) || typeof record.format !== 'string') throw({ forbidden: 'not-a-trust-record' });
    return;
  }
  var scope = newDoc.scope;
  if (typeof scope !== 'string' || scope.length === 0) throw({ forbidden: 'no-scope' });
  if (newDoc.kind === 'blob') {
    if (newDoc._id !== '${BLOB_ID_PREFIX}' + newDoc.hash) throw({ forbidden: 'id-mismatch' });
  } else if (newDoc._id !== newDoc.id) {
    throw({ forbidden: 'id-mismatch' });
  }
  if (admin) return;
  var scopes = [];
  var device = null;
  var roleKey = null;
  for (var i = 0; i < roles.length; i++) {
    var role = roles[i];
    if (typeof role !== 'string') continue;
    if (role.indexOf('scope:') === 0) scopes.push(role.slice(6));
    else if (role.indexOf('device:') === 0) device = role.slice(7);
    else if (role.indexOf('league-role:') === 0) roleKey = role.slice(12);
  }
  function within(code) {
    if (typeof code !== 'string') return false;
    for (var j = 0; j < scopes.length; j++) {
      if (code === scopes[j] || code.indexOf(scopes[j] + '-') === 0) return true;
    }
    return false;
  }
  if (newDoc.kind === 'blob' || device === null) {
    if (within(scope)) return;
    throw({ forbidden: 'outside-scope' });
  }
  if (newDoc.device !== device) throw({ forbidden: 'not-own-device' });
  var table = newDoc.table;
  var fields = newDoc.fields;
  if (typeof table !== 'string' || typeof fields !== 'object' || fields === null) throw({ forbidden: 'not-a-change' });
  var allowed = Object.prototype.hasOwnProperty.call(POLICY.tables, table) ? POLICY.tables[table] : [];
  if (roleKey === null || allowed.indexOf(roleKey) === -1) throw({ forbidden: 'role-not-allowed' });
  var statuses = Object.prototype.hasOwnProperty.call(POLICY.statuses, table) && Object.prototype.hasOwnProperty.call(POLICY.statuses[table], roleKey) ? POLICY.statuses[table][roleKey] : [];
  if (Object.prototype.hasOwnProperty.call(fields, 'status') && statuses.indexOf(fields.status) !== -1) throw({ forbidden: 'status-not-allowed' });
  if (table === POLICY.orgTable && Object.prototype.hasOwnProperty.call(fields, 'code') && !within(fields.code)) throw({ forbidden: 'outside-scope' });
}`;
}

/** What setup puts in the design document besides the validation. */
export interface HubDesignMeta {
  /** The data schema the app that set the hub up writes; a newer one means this app is older. */
  schema: number;
  setupVersion: number;
}

export function designDoc(policy: HubPolicy): { _id: string; validate_doc_update: string; leagueDesk: HubDesignMeta } {
  return {
    _id: DESIGN_DOC_ID,
    validate_doc_update: validateDocUpdate(policy),
    leagueDesk: { schema: DATA_SCHEMA_VERSION, setupVersion: HUB_SETUP_VERSION },
  };
}

/** Only server admins administer the database; only the county's device accounts are members. */
export function securityDoc(db: string) {
  return { admins: { names: [] as string[], roles: [] as string[] }, members: { names: [] as string[], roles: [memberRole(db)] } };
}

/** CouchDB database names: lower-case letter first, then `a-z 0-9 _ $ ( ) + - /`. */
export const DB_NAME_PATTERN = /^[a-z][a-z0-9_$()+\-]{0,127}$/;
/** Device account names (also used as a CouchDB user name). */
export const DEVICE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
