/**
 * The embedded hub against hostile and careless requests (issue 15), started as `npm run hub`
 * starts it (the supervisor running scripts/hub.ts): it never falls over, keeps server paths for
 * its admins, holds documents and requests to their limits, stores passwords with a current work
 * factor, and comes back by itself when its process dies.
 */
import { APP_HUB_POLICY } from '../../../shared/app/hub';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { memoryAccess } from '../../../shared/sync/memoryAccess';
import { jsonBytes, syncWithHub } from '../../../shared/sync/hub/client';
import { DESIGN_DOC_ID, MAX_BLOB_BYTES, MAX_CHANGE_DOC_BYTES, MAX_HUB_REQUEST_BYTES, designDoc } from '../../../shared/sync/hub/design';
import { memoryHubLocal } from '../../../shared/sync/hub/memoryLocal';
import { HUB_PASSWORD_ITERATIONS } from '../../../scripts/hub';
import { edit, orgWrite } from './hubFixtures';
import { ADMIN, dbTransport, prepareCounty, serverAccess, startTestHub, type DeviceLogin, type TestHub } from './hubServer';
import { APP_TABLES } from '../../../shared/app/registry';

vi.setConfig({ testTimeout: 120_000 });

const DB = 'league-lt';
const TOWN: DeviceLogin = { name: 'town01-pc', password: 'town01-pass-1', scope: 'LT-01' };
const T0 = Date.now();

let hub: TestHub;
let pid: number;
beforeAll(async () => {
  hub = await startTestHub();
  await prepareCounty(hub.url, DB, [TOWN]);
  pid = hub.hubPid();
}, 120_000);
afterAll(async () => {
  await hub?.stop();
});

type Who = 'anonymous' | 'device' | 'wrong-password' | 'admin';

function authHeader(who: Who): Record<string, string> {
  const basic = (user: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
  if (who === 'device') return basic(TOWN.name, TOWN.password);
  if (who === 'wrong-password') return basic(TOWN.name, 'not-the-password');
  if (who === 'admin') return basic(ADMIN.name, ADMIN.password);
  return {};
}

/** One raw HTTP request; `undefined` when the hub did not answer at all. */
async function raw(who: Who, method: string, rawPath: string, body?: string | Uint8Array, headers: Record<string, string> = {}): Promise<{ status: number; text: string } | undefined> {
  try {
    const response = await fetch(`${hub.url}${rawPath.replace(/^\//, '')}`, {
      method,
      headers: { ...authHeader(who), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: method === 'GET' || method === 'HEAD' ? undefined : (body as BodyInit | undefined),
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, text: await response.text() };
  } catch {
    return undefined;
  }
}

/** The county still works: the hub process is the one that started, and a PC can sync with it. */
/** A new device for each check: two checks by one device would write the same change (same stamp). */
let servedChecks = 0;

async function expectCountyServed(): Promise<void> {
  expect(hub.output()).not.toMatch(/hub stopped/);
  expect(hub.hubPid()).toBe(pid);
  const device = (0x5e000 + ++servedChecks).toString(16).padStart(16, '0');
  const local = memoryHubLocal(memoryAccess({ tables: APP_TABLES, now: () => T0 }), { device, scope: TOWN.scope });
  await edit(local.store, device, [orgWrite(`served-${device}`, 'LT-01-001', '一支部')], T0);
  const outcome = await syncWithHub(dbTransport(hub.url, DB, TOWN.name, TOWN.password), local, { hub: `served-${device}`, now: () => Date.now() });
  expect(outcome.pushed).toBe(1);
  const design = await serverAccess(hub.url).admin({ method: 'GET', path: `${DB}/${DESIGN_DOC_ID}` });
  expect(design).toMatchObject({ ok: true, status: 200, body: { validate_doc_update: designDoc(APP_HUB_POLICY).validate_doc_update } });
  const security = await serverAccess(hub.url).admin({ method: 'GET', path: `${DB}/_security` });
  expect(security).toMatchObject({ ok: true, status: 200, body: { members: { roles: [`league-device:${DB}`] } } });
}

describe('the hub survives what anyone sends it', () => {
  it('an anonymous DELETE of the county database (refused) and then a write do not stop it', async () => {
    expect(await raw('anonymous', 'DELETE', DB)).toMatchObject({ status: 401 });
    // The write that used to end the process on an unhandled PouchPluginError.
    expect(await raw('anonymous', 'POST', DB, '{"a":1}')).toMatchObject({ status: 401 });
    expect(await raw('device', 'DELETE', DB)).toMatchObject({ status: 401 });
    expect(await raw('device', 'GET', DB)).toMatchObject({ status: 200 });
    await expectCountyServed();
  });

  it('lists its databases only to a server admin; other server paths are the admin’s too', async () => {
    for (const who of ['anonymous', 'device', 'wrong-password'] as const) {
      for (const p of ['_all_dbs', '%5Fall_dbs', '_replicate', '_stats', '_active_tasks', '_config', '_utils/', '_db_updates']) {
        const answer = await raw(who, p === '_replicate' ? 'POST' : 'GET', p, p === '_replicate' ? '{"source":"league-lt","target":"http://127.0.0.1:9/x"}' : undefined);
        expect(answer?.status, `${who} ${p}`).toBeGreaterThanOrEqual(400);
        expect(answer?.text ?? '', `${who} ${p}`).not.toContain(DB);
      }
    }
    const admin = await raw('admin', 'GET', '_all_dbs');
    expect(admin?.status).toBe(200);
    expect(JSON.parse(admin!.text)).toContain(DB);
    // What every PC needs stays open.
    expect(await raw('anonymous', 'GET', '')).toMatchObject({ status: 200 });
    expect(await raw('device', 'GET', '_session')).toMatchObject({ status: 200 });
  });

  it('keeps random sequences of anonymous and device requests from stopping it or changing the county', async () => {
    const who = fc.constantFrom<Who>('anonymous', 'device', 'wrong-password');
    const method = fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'COPY', 'HEAD', 'OPTIONS', 'PATCH');
    const name = fc.constantFrom(DB, 'league-x', '_users', '_replicator', 'pouch__auth_sessions__', '..', '%2e%2e', 'LEAGUE', 'a%2Fb');
    const tail = fc.constantFrom(
      '',
      '/',
      '/_security',
      `/${DESIGN_DOC_ID}`,
      '/_design/x',
      '/_all_docs',
      '/_bulk_docs',
      '/_changes?since=now&feed=normal',
      '/_changes?since=0&include_docs=true&limit=5',
      '/_compact',
      '/_view_cleanup',
      '/_temp_view',
      '/_revs_diff',
      '/_bulk_get',
      '/_find',
      '/_index',
      '/_local/x',
      '/org.couchdb.user:town01-pc',
      '/doc1',
      '/doc1/att',
      '/blob%3Aabc',
      '/%E0%A4%A',
      '/_design/league/_view/x',
      '/_design/league/_show/x',
    );
    const rootPath = fc.constantFrom('', '_all_dbs', '_session', '_uuids?count=100000', '_config/admins/x', '_restart', '_replicate', '_utils', '_stats', '//', '%', '_users/_all_docs');
    const body = fc.oneof(
      fc.constant(undefined),
      fc.constant('{'),
      fc.constant('null'),
      fc.constant('[]'),
      fc.constant('{"docs":[{"_id":"x","scope":"LT"}]}'),
      fc.constant('{"docs":"nope"}'),
      fc.constant(`{"_id":"_design/league","validate_doc_update":"function(){}"}`),
      fc.constant('{"admins":{"names":["town01-pc"]},"members":{}}'),
      fc.constant('{"name":"town01-pc","roles":["_admin"],"type":"user","password":"x"}'),
      fc.json({ maxDepth: 3 }),
    );
    const request = fc.record({ who, method, path: fc.oneof(fc.tuple(name, tail).map(([n, t]) => `${n}${t}`), rootPath), body });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 10 }), async (requests) => {
        for (const r of requests) {
          const answer = await raw(r.who, r.method, r.path, r.body);
          // Answered, whatever the answer: the engine says 500 to some requests it does not expect
          // (a `_show` in `_users`), which is an answer, not a fall.
          expect(answer, `${r.who} ${r.method} /${r.path}`).toBeDefined();
        }
        expect(hub.hubPid()).toBe(pid);
      }),
      { numRuns: 60, seed: 15 },
    );
    await expectCountyServed();
  });
});

describe('the hub holds documents and requests to their limits', () => {
  const change = (id: string, fields: Record<string, unknown>) => ({
    _id: id,
    id,
    hlc: id,
    device: '0000000000000001',
    author: 'a',
    table: 'org',
    row: 'big',
    fields,
    base: {},
    scope: 'LT-01',
    schema: 1,
  });

  it('refuses a change document over the limit, and takes one just under it', async () => {
    const device = dbTransport(hub.url, DB, TOWN.name, TOWN.password);
    const big = change('2026-01-01T00:00:00.000Z-0000-0000000000000001', { note: 'x'.repeat(MAX_CHANGE_DOC_BYTES) });
    expect(await device({ method: 'POST', path: '_bulk_docs', body: { docs: [big] } })).toMatchObject({ ok: true, body: [{ error: 'forbidden', reason: 'too-large' }] });
    // Counted in UTF-8 bytes: 400,000 Chinese characters are 1.2 MB.
    const wide = change('2026-01-01T00:00:00.000Z-0001-0000000000000001', { note: '团'.repeat(400_000) });
    expect(await device({ method: 'POST', path: '_bulk_docs', body: { docs: [wide] } })).toMatchObject({ ok: true, body: [{ error: 'forbidden', reason: 'too-large' }] });
    const fits = change('2026-01-01T00:00:00.000Z-0002-0000000000000001', { note: 'x'.repeat(MAX_CHANGE_DOC_BYTES - 2048) });
    expect(await device({ method: 'POST', path: '_bulk_docs', body: { docs: [fits] } })).toMatchObject({ ok: true, body: [{ ok: true }] });
  });

  it('counts a document’s bytes as the client does: what the client would send is taken, what is over the limit is not', async () => {
    const device = dbTransport(hub.url, DB, TOWN.name, TOWN.password);
    let n = 100;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -3000, max: 3000 }), fc.constantFrom('x', '团', 'ئ', '😀', '\u200f'), async (delta, unit) => {
        n += 1;
        const id = `2026-01-02T00:00:00.000Z-${n.toString(16).padStart(4, '0')}-0000000000000001`;
        const base = change(id, { note: '' });
        const room = MAX_CHANGE_DOC_BYTES + delta - jsonBytes(base);
        const per = jsonBytes(unit) - 2;
        const doc = change(id, { note: unit.repeat(Math.max(0, Math.floor(room / per))) });
        const answer = await device({ method: 'POST', path: '_bulk_docs', body: { docs: [doc] } });
        const [result] = (answer as { body: { ok?: boolean; reason?: string }[] }).body;
        if (jsonBytes(doc) <= MAX_CHANGE_DOC_BYTES - 1024) expect(result).toMatchObject({ ok: true });
        if (jsonBytes(doc) > MAX_CHANGE_DOC_BYTES) expect(result).toMatchObject({ reason: 'too-large' });
      }),
      { numRuns: 30, seed: 15 },
    );
  });

  it('refuses a photo over the limit and an attachment on a change', async () => {
    const device = dbTransport(hub.url, DB, TOWN.name, TOWN.password);
    const hash = 'a'.repeat(64);
    const photo = (bytes: number) => ({
      _id: `blob:${hash}`,
      kind: 'blob',
      hash,
      type: 'image/jpeg',
      scope: 'LT-01',
      _attachments: { data: { content_type: 'image/jpeg', data: Buffer.alloc(bytes, 7).toString('base64') } },
    });
    expect(await device({ method: 'POST', path: '_bulk_docs', body: { docs: [photo(MAX_BLOB_BYTES + 3)] } })).toMatchObject({ ok: true, body: [{ error: 'forbidden', reason: 'too-large' }] });
    const withAttachment = { ...change('2026-01-01T00:00:00.000Z-0003-0000000000000001', {}), _attachments: { data: { content_type: 'text/plain', data: 'aGk=' } } };
    expect(await device({ method: 'POST', path: '_bulk_docs', body: { docs: [withAttachment] } })).toMatchObject({ ok: true, body: [{ error: 'forbidden', reason: 'attachment-unexpected' }] });
    // A single upload of the same bytes is held to the same limit.
    const upload = await raw('device', 'PUT', `${DB}/doc-with-upload/data`, Buffer.alloc(MAX_BLOB_BYTES + 1, 1), { 'Content-Type': 'image/jpeg' });
    expect(upload?.status).toBe(403);
  });

  it('refuses a request body over the limit before reading it, and a body of unknown length', async () => {
    const huge = await raw('device', 'POST', `${DB}/_bulk_docs`, new Uint8Array(MAX_HUB_REQUEST_BYTES + 1));
    expect(huge?.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"docs":[]}'));
        controller.close();
      },
    });
    const chunked = await fetch(`${hub.url}${DB}/_bulk_docs`, {
      method: 'POST',
      headers: { ...authHeader('device'), 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
    await expectCountyServed();
  });
});

describe('device passwords on the hub', () => {
  it('are stored with PBKDF2 at the current work factor, and the admin’s too', async () => {
    const user = await serverAccess(hub.url).admin({ method: 'GET', path: `_users/${encodeURIComponent(`org.couchdb.user:${TOWN.name}`)}` });
    expect(user).toMatchObject({ ok: true, status: 200, body: { password_scheme: 'pbkdf2', iterations: HUB_PASSWORD_ITERATIONS } });
    expect(HUB_PASSWORD_ITERATIONS).toBeGreaterThanOrEqual(1_300_000);
    expect(JSON.stringify((user as { body: unknown }).body)).not.toContain(TOWN.password);
    const config = JSON.parse(readFileSync(path.join(hub.dataDir, 'config.json'), 'utf8')) as { admins: Record<string, string> };
    expect(config.admins[ADMIN.name]).toMatch(new RegExp(`^-pbkdf2-[0-9a-f]{40},[0-9a-f]+,${HUB_PASSWORD_ITERATIONS}$`));
  });

  it('an account stored before, at the engine’s 10 iterations, still signs in', async () => {
    // PBKDF2-SHA1 of 'old-pass-1' with salt 'abc123', 10 iterations, 20 bytes.
    const { pbkdf2Sync } = await import('node:crypto');
    const derived = pbkdf2Sync('old-pass-1', 'abc123', 10, 20, 'sha1').toString('hex');
    const id = 'org.couchdb.user:old-pc';
    const put = await serverAccess(hub.url).admin({
      method: 'PUT',
      path: `_users/${encodeURIComponent(id)}`,
      body: { _id: id, name: 'old-pc', type: 'user', roles: [`league-device:${DB}`, 'scope:LT-01'], password_scheme: 'pbkdf2', iterations: 10, salt: 'abc123', derived_key: derived },
    });
    expect(put).toMatchObject({ ok: true, status: 201 });
    expect(await dbTransport(hub.url, DB, 'old-pc', 'old-pass-1')({ method: 'GET', path: DESIGN_DOC_ID })).toMatchObject({ ok: true, status: 200 });
    expect(await dbTransport(hub.url, DB, 'old-pc', 'old-pass-2')({ method: 'GET', path: DESIGN_DOC_ID })).toMatchObject({ ok: true, status: 401 });
  });
});

describe('npm run hub keeps the hub running', () => {
  it('starts the hub again at the same address when its process dies, and logs why', async () => {
    const before = hub.hubPid();
    process.kill(before, 'SIGKILL');
    await vi.waitFor(() => expect(hub.hubPid()).not.toBe(before), { timeout: 60_000, interval: 200 });
    const restarted = hub.hubPid();
    expect(hub.output()).toMatch(/hub stopped \(signal SIGKILL\); restarting/);
    expect(readFileSync(path.join(hub.dataDir, 'hub-restarts.log'), 'utf8')).toMatch(/hub stopped \(signal SIGKILL\)/);
    const design = await vi.waitFor(
      async () => {
        const answer = await dbTransport(hub.url, DB, TOWN.name, TOWN.password)({ method: 'GET', path: DESIGN_DOC_ID });
        expect(answer).toMatchObject({ ok: true, status: 200 });
        return answer;
      },
      { timeout: 60_000, interval: 200 },
    );
    expect(design).toMatchObject({ ok: true });
    expect(hub.hubPid()).toBe(restarted);
  });
});
