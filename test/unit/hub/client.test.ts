import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalState } from '../../../shared/sync/canonical';
import { memoryAccess } from '../../../shared/sync/memoryAccess';
import { fromBase64, toBase64 } from '../../../shared/sync/hub/base64';
import { syncWithHub, type HubProgress } from '../../../shared/sync/hub/client';
import { HubError, HUB_ERROR_REASONS, type HubErrorReason } from '../../../shared/sync/hub/errors';
import { memoryHubLocal } from '../../../shared/sync/hub/memoryLocal';
import type { HubRequest, HubResponse, HubTransport } from '../../../shared/sync/hub/protocol';
import { sha256Hex } from '../../../shared/sync/bundle/hash';
import { FakeHub } from './fakeHub';
import { edit, orgWrite, T0 } from './hubFixtures';
import { APP_TABLES } from '../../../shared/app/registry';

const A = '00000000000000a1';
const B = '00000000000000b2';
const HUB = 'http://hub.test/league-lt';

async function pcWith(device: string, scope: string, count: number, code = scope) {
  const store = memoryAccess({ tables: APP_TABLES, now: () => T0 });
  const local = memoryHubLocal(store, { device, scope });
  if (count > 0) await edit(store, device, Array.from({ length: count }, (_, i) => orgWrite(`${device}-o${i}`, code, `支部${i}`)), T0);
  return local;
}

describe('hub client against a fake hub', () => {
  it('pushes unsent changes in chunks of 500 and never again once the hub confirmed them', async () => {
    const hub = new FakeHub();
    const pc = await pcWith(A, 'LT-03', 1201);
    const outcome = await syncWithHub(hub.transport, pc, { hub: HUB, now: () => T0 });
    const bulk = hub.requests.filter((r) => r.path === '_bulk_docs');
    expect(bulk.map((r) => (r.body as { docs: unknown[] }).docs.length)).toEqual([500, 500, 201]);
    expect(outcome.pushed).toBe(1201);
    // The document on the hub is the change record exactly, plus its id.
    const [first] = await pc.store.allChanges().then((all) => all.sort((a, b) => (a.id < b.id ? -1 : 1)));
    const { _rev: _ignored, ...onHub } = hub.docs.get(first!.id)!.doc;
    expect(onHub).toEqual({ ...first, _id: first!.id });
    hub.requests.length = 0;
    const again = await syncWithHub(hub.transport, pc, { hub: HUB, now: () => T0 });
    expect(hub.requests.filter((r) => r.path === '_bulk_docs')).toHaveLength(0);
    expect(again.pushed).toBe(0);
  });

  it('counts "already there" (409 from CouchDB, forbidden: immutable from pouchdb-server) as sent', async () => {
    for (const couchStyle of [true, false]) {
      const hub = new FakeHub();
      hub.couchStyleConflicts = couchStyle;
      const pc = await pcWith(A, 'LT-03', 3);
      for (const c of await pc.store.allChanges()) hub.put({ ...c, _id: c.id });
      const outcome = await syncWithHub(hub.transport, pc, { hub: HUB, now: () => T0 });
      expect(outcome).toMatchObject({ pushed: 0, alreadyOnHub: 3 });
      hub.requests.length = 0;
      await syncWithHub(hub.transport, pc, { hub: HUB, now: () => T0 });
      expect(hub.requests.filter((r) => r.path === '_bulk_docs')).toHaveLength(0);
    }
  });

  it('leaves a relayed change to its writer when the account takes only its own PC’s (forbidden: not-own-device)', async () => {
    const hub = new FakeHub();
    const b = await pcWith(B, 'LT-04', 2);
    await syncWithHub(hub.transport, b, { hub: HUB, now: () => T0 });
    const a = await pcWith(A, 'LT', 3);
    await syncWithHub(hub.transport, a, { hub: HUB, now: () => T0 });
    // A third PC holding both, whose account is its own device only (design.ts): B's are refused.
    const relay = new FakeHub();
    const own: HubTransport = async (request) => {
      const docs = (request.body as { docs?: { _id: string; device?: string }[] } | undefined)?.docs;
      if (request.path !== '_bulk_docs' || docs === undefined) return relay.transport(request);
      const mine = docs.filter((d) => d.device === undefined || d.device === A);
      const answer = await relay.transport({ ...request, body: { docs: mine } });
      const refused = docs.filter((d) => !mine.includes(d)).map((d) => ({ id: d._id, error: 'forbidden', reason: 'not-own-device' }));
      return answer.ok ? { ...answer, body: [...(answer.body as unknown[]), ...refused] } : answer;
    };
    const both = memoryHubLocal(memoryAccess({ tables: APP_TABLES, now: () => T0 }), { device: A, scope: 'LT' });
    await syncWithHub(hub.transport, both, { hub: HUB, now: () => T0 });
    // The sync finishes (no `no-right`), B's two are not sent again, and nothing of B's is on the relay hub.
    const outcome = await syncWithHub(own, both, { hub: 'http://relay.test/league-lt', now: () => T0 });
    expect(outcome).toMatchObject({ alreadyOnHub: 2 });
    expect([...relay.docs.values()].filter((d) => d.doc['device'] === B)).toEqual([]);
  });

  it('pulls with the stored checkpoint and applies through the bundle import', async () => {
    const hub = new FakeHub();
    const a = await pcWith(A, 'LT-03', 25);
    await syncWithHub(hub.transport, a, { hub: HUB, now: () => T0 });
    const b = await pcWith(B, 'LT-04', 0);
    const progress: HubProgress[] = [];
    const outcome = await syncWithHub(hub.transport, b, { hub: HUB, now: () => T0, pullLimit: 10, onProgress: (p) => progress.push(p) });
    expect(outcome.pulled.applied).toBe(25);
    const sinces = hub.requests.filter((r) => r.path === '_changes').map((r) => r.query?.['since']);
    // The design document is seq 1; changes are 2..26; pages of 10.
    expect(sinces.slice(-3)).toEqual(['0', '10', '20']);
    expect(await canonicalState(b.store)).toBe(await canonicalState(a.store));
    expect(progress.filter((p) => p.phase === 'pull').at(-1)).toEqual({ phase: 'pull', done: 26, total: 26 });
    hub.requests.length = 0;
    await syncWithHub(hub.transport, b, { hub: HUB, now: () => T0 });
    expect(hub.requests.find((r) => r.path === '_changes')?.query?.['since']).toBe('26');
    // What B pulled is known to be on the hub: B does not send it back.
    expect(hub.requests.filter((r) => r.path === '_bulk_docs')).toHaveLength(0);
  });

  it('reads pages ahead while one is written, and writes the pages that arrived together, with the last checkpoint', async () => {
    const hub = new FakeHub();
    await syncWithHub(hub.transport, await pcWith(A, 'LT-03', 95), { hub: HUB, now: () => T0 });
    const b = await pcWith(B, 'LT-04', 0);
    // The first write waits until the hub has been asked for more pages: they are read meanwhile.
    const applied: { records: number; checkpoint: string; pagesAskedBefore: number }[] = [];
    let release: () => void = () => {};
    const firstWriteMayFinish = new Promise<void>((resolve) => (release = resolve));
    const pagesAsked = () => hub.requests.filter((r) => r.path === '_changes').length;
    const slow: typeof b = {
      ...b,
      async applyPulled(records, blobs, trust, state, now) {
        applied.push({ records: records.length, checkpoint: state.checkpoint, pagesAskedBefore: pagesAsked() });
        if (applied.length === 1) await firstWriteMayFinish;
        return b.applyPulled(records, blobs, trust, state, now);
      },
    };
    hub.requests.length = 0;
    let askedWhileWriting = 0;
    const transport: typeof hub.transport = async (request) => {
      const answer = await hub.transport(request);
      // Once the read-ahead is full (1 page being written + 4 waiting), let the first write finish.
      if (request.path === '_changes' && pagesAsked() === 5) {
        setTimeout(() => {
          askedWhileWriting = pagesAsked();
          release();
        }, 20);
      }
      return answer;
    };
    const outcome = await syncWithHub(transport, slow, { hub: HUB, now: () => T0, pullLimit: 10 });
    expect(outcome.pulled.applied).toBe(95);
    // Never more than four pages ahead of the one being written: the hub has ten pages, and while
    // the first is written only five have been asked for.
    expect(askedWhileWriting).toBe(5);
    expect(pagesAsked()).toBe(10);
    expect(applied[0]).toMatchObject({ records: 9, checkpoint: '10' });
    expect(applied[1]!.records).toBe(40);
    expect(applied[1]!.checkpoint).toBe('50');
    expect(applied.reduce((n, a) => n + a.records, 0)).toBe(95);
    const c = await pcWith('00000000000000c3', 'LT-05', 0);
    await syncWithHub(hub.transport, c, { hub: HUB, now: () => T0 });
    expect(await canonicalState(b.store)).toBe(await canonicalState(c.store));
  });

  it('a page that cannot be read stops the pull after the pages before it are written', async () => {
    const hub = new FakeHub();
    await syncWithHub(hub.transport, await pcWith(A, 'LT-03', 45), { hub: HUB, now: () => T0 });
    const b = await pcWith(B, 'LT-04', 0);
    let pages = 0;
    const cut: typeof hub.transport = async (request) => {
      if (request.path === '_changes' && ++pages === 3) throw new HubError('unreachable');
      return hub.transport(request);
    };
    await expect(syncWithHub(cut, b, { hub: HUB, now: () => T0, pullLimit: 10 })).rejects.toMatchObject({ reason: 'unreachable' });
    expect(await b.store.allChanges()).toHaveLength(19);
    expect((await b.readState(HUB)).checkpoint).toBe('20');
    const outcome = await syncWithHub(hub.transport, b, { hub: HUB, now: () => T0, pullLimit: 10 });
    expect(outcome.pulled.applied).toBe(26);
    expect(await b.store.allChanges()).toHaveLength(45);
  });

  it('skips invalid documents on the hub instead of refusing every later sync', async () => {
    const hub = new FakeHub();
    hub.put({ _id: 'junk', id: 'junk', scope: 'LT', hello: 1 });
    const a = await pcWith(A, 'LT-03', 2);
    await syncWithHub(hub.transport, a, { hub: HUB, now: () => T0 });
    const b = await pcWith(B, 'LT-04', 0);
    const outcome = await syncWithHub(hub.transport, b, { hub: HUB, now: () => T0 });
    expect(outcome.pulled).toMatchObject({ applied: 2, rejected: 1 });
  });

  it('sends blobs as documents with one attachment and fetches the ones it lacks', async () => {
    const hub = new FakeHub();
    const a = await pcWith(A, 'LT-03', 1);
    const bytes = new TextEncoder().encode('a photo of the speech contest');
    const hash = await sha256Hex(bytes);
    a.blobs.set(hash, { hash, bytes, type: 'image/jpeg' });
    expect((await syncWithHub(hub.transport, a, { hub: HUB, now: () => T0 })).blobsPushed).toBe(1);
    expect(hub.docs.get(`blob:${hash}`)?.doc).toMatchObject({ kind: 'blob', hash, scope: 'LT-03', _attachments: { data: { content_type: 'image/jpeg', data: toBase64(bytes) } } });
    const b = await pcWith(B, 'LT-04', 0);
    expect((await syncWithHub(hub.transport, b, { hub: HUB, now: () => T0 })).blobsPulled).toBe(1);
    expect(b.blobs.get(hash)).toEqual({ hash, bytes, type: 'image/jpeg' });
  });

  it('does not send changes relayed from another organisation, but does send its own', async () => {
    const hub = new FakeHub();
    const pc = await pcWith(A, 'LT-03', 1);
    const other = await pcWith(B, 'LT-04', 2);
    await pc.store.applyChanges(await other.store.allChanges(), { now: T0 });
    await syncWithHub(hub.transport, pc, { hub: HUB, now: () => T0 });
    const sent = hub.requests.filter((r) => r.path === '_bulk_docs').flatMap((r) => (r.body as { docs: { device: string }[] }).docs);
    expect(sent.map((d) => d.device)).toEqual([A]);
    // Not read again at the next sync; a new change of this PC's own still is.
    expect(await pc.unsent((await pc.readState(HUB)).sent)).toEqual([]);
    await edit(pc.store, A, [orgWrite('late', 'LT-03', '新支部')], T0 + 1000);
    expect((await pc.unsent((await pc.readState(HUB)).sent)).map((c) => c.device)).toEqual([A]);
  });

  const answer = (status: number, body: unknown): HubResponse => ({ ok: true, status, body });
  const cases: [string, (r: HubRequest) => HubResponse | undefined, HubErrorReason][] = [
    ['no route to the hub', () => ({ ok: false, failure: 'unreachable' }), 'unreachable'],
    ['a timeout', () => ({ ok: false, failure: 'timeout' }), 'unreachable'],
    ['no such host', () => ({ ok: false, failure: 'bad-address' }), 'wrong-address'],
    ['no saved hub', () => ({ ok: false, failure: 'not-configured' }), 'not-configured'],
    ['a wrong password', () => answer(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' }), 'wrong-password'],
    ['not a member (pouchdb-server)', () => answer(401, { error: 'unauthorized', reason: 'You are not authorized to access this db.' }), 'no-right'],
    ['not a member (CouchDB)', () => answer(403, { error: 'forbidden', reason: 'You are not allowed to access this db.' }), 'no-right'],
    ['no such database', (r) => answer(404, { error: 'not_found', reason: r.path === '' ? 'Database does not exist.' : 'missing' }), 'wrong-address'],
    ['a database never set up', (r) => (r.path === '' ? answer(200, { db_name: 'league-lt' }) : answer(404, { error: 'not_found' })), 'not-set-up'],
    ['a newer app set the hub up', (r) => (r.path === '_design/league' ? answer(200, { _id: '_design/league', leagueDesk: { schema: 99 } }) : undefined), 'app-older'],
    ['a hub set up before trust documents (setup 3): run setup again', (r) => (r.path === '_design/league' ? answer(200, { _id: '_design/league', leagueDesk: { schema: 1, setupVersion: 3 } }) : undefined), 'not-set-up'],
    ['a full disk', (r) => (r.path === '_bulk_docs' ? answer(507, { error: 'insufficient_storage' }) : undefined), 'hub-full'],
    ['a request too large', (r) => (r.path === '_bulk_docs' ? answer(413, { error: 'too_large' }) : undefined), 'hub-full'],
    ['a change outside the scope', (r) => (r.path === '_bulk_docs' ? answer(201, [{ id: 'x', error: 'forbidden', reason: 'outside-scope' }]) : undefined), 'no-right'],
    ['a proxy error page', (r) => (r.path === '_changes' ? answer(500, '<html>oops</html>') : undefined), 'bad-answer'],
    ['a broken changes feed', (r) => (r.path === '_changes' ? answer(200, { results: 'no' }) : undefined), 'bad-answer'],
  ];
  it.each(cases)('maps %s to a reason with a message', async (_name, override, reason) => {
    const hub = new FakeHub();
    hub.override = override;
    const pc = await pcWith(A, 'LT-03', 2);
    const error = await syncWithHub(hub.transport, pc, { hub: HUB, now: () => T0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).reason).toBe(reason);
  });

  it('refuses to sync when this PC clock is more than a day away from the hub', async () => {
    const hub = new FakeHub();
    hub.date = T0 + 3 * 24 * 3600 * 1000;
    const pc = await pcWith(A, 'LT-03', 2);
    await expect(syncWithHub(hub.transport, pc, { hub: HUB, now: () => T0 })).rejects.toMatchObject({ reason: 'clock-wrong' });
    expect(hub.requests.filter((r) => r.path === '_bulk_docs')).toHaveLength(0);
    hub.date = T0 + 3600 * 1000;
    await expect(syncWithHub(hub.transport, pc, { hub: HUB, now: () => T0 })).resolves.toMatchObject({ pushed: 2 });
  });

  it('every reason has a message in both languages', async () => {
    for (const lang of ['zh-CN', 'ug']) {
      const { default: messages } = (await import(`../../../locales/${lang}/hub.json`, { with: { type: 'json' } })) as { default: { errors: Record<string, string> } };
      for (const reason of HUB_ERROR_REASONS) expect(messages.errors[reason], `${lang} ${reason}`).toMatch(/\S/);
    }
  });
});

describe('base64', () => {
  it('round-trips any bytes and refuses what is not canonical base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(bytes);
      }),
    );
    for (const bad of ['a', 'ab=c', 'a===', '####', 'YQ']) expect(fromBase64(bad)).toBeUndefined();
  });
});

describe('a change pulled from the hub that claims this PC but was not made here (issue 15)', () => {
  it('is left out, and this PC keeps pushing every edit it makes afterwards', async () => {
    const hub = new FakeHub();
    const a = await pcWith(A, 'LT', 2, 'LT-01');
    await syncWithHub(hub.transport, a, { hub: HUB, now: () => T0 });
    // Someone with a device account puts a change on the hub under A's device, stamped in 2099.
    const forgedAt = Date.UTC(2099, 0, 1);
    const [forged] = await edit(memoryAccess({ tables: APP_TABLES, now: () => forgedAt }), A, [orgWrite(`${A}-o0`, 'LT-01', '伪造')], forgedAt);
    hub.put({ ...forged!, _id: forged!.id });
    const pulled = await syncWithHub(hub.transport, a, { hub: HUB, now: () => T0 });
    expect(pulled.pulled).toMatchObject({ applied: 0 });
    expect((await a.store.getRows('org', [`${A}-o0`]))[0]?.name).toEqual({ zh: '支部0', ug: '支部0' });
    // A's next edit, stamped in 2026, still goes to the hub.
    const [next] = await edit(a.store, A, [orgWrite(`${A}-o9`, 'LT-01', '新支部')], T0 + 60_000);
    const outcome = await syncWithHub(hub.transport, a, { hub: HUB, now: () => T0 + 60_000 });
    expect(outcome.pushed).toBe(1);
    expect(hub.docs.has(next!.id)).toBe(true);
  });
});
