/** Browser mode's bridge: scripts/serve.ts holds the hub account in memory and forwards for our page only. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../scripts/serve';
import type { FetchLike } from '../../../shared/sync/hub/fetchTransport';

const root = mkdtempSync(path.join(tmpdir(), 'league-serve-'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
const forwarded: { url: string; init: Parameters<FetchLike>[1] }[] = [];
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    root,
    hubFetch: async (url, init) => {
      forwarded.push({ url, init });
      return { status: 201, headers: { get: (n) => (n === 'date' ? 'Mon, 30 Nov 2026 10:00:00 GMT' : null) }, text: async () => '[{"ok":true}]' };
    },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const OWN = { 'Content-Type': 'application/json', 'X-League-Desk': '1' };
const call = (name: string, body: unknown, headers: Record<string, string> = OWN) =>
  fetch(`${server.url}bridge/hub/${name}`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('browser-mode hub bridge', () => {
  it('keeps the account in memory, never hands back the password, and forwards with credentials', async () => {
    expect(await (await call('config', null)).json()).toEqual({ configured: false, storage: 'memory' });
    expect(await (await call('request', { method: 'GET', path: '_changes' })).json()).toEqual({ ok: false, failure: 'not-configured' });
    const account = { url: 'http://10.0.0.2:5984/league-lt', user: 'town03-pc', password: 'secret-pass-9', scope: 'LT-03' };
    expect(await (await call('configure', account)).json()).toEqual({ status: 'saved' });
    const config = await (await call('config', null)).text();
    expect(config).not.toContain('secret-pass-9');
    expect(JSON.parse(config)).toMatchObject({ configured: true, address: 'http://10.0.0.2:5984/league-lt', user: 'town03-pc', scope: 'LT-03' });
    const answer = await (await call('request', { method: 'POST', path: '_bulk_docs', body: { docs: [] } })).json();
    expect(answer).toEqual({ ok: true, status: 201, body: [{ ok: true }], date: Date.parse('Mon, 30 Nov 2026 10:00:00 GMT') });
    expect(forwarded.at(-1)!.url).toBe('http://10.0.0.2:5984/league-lt/_bulk_docs');
    expect(forwarded.at(-1)!.init.headers['Authorization']).toBe(`Basic ${Buffer.from('town03-pc:secret-pass-9').toString('base64')}`);
    expect(await (await call('configure', null)).json()).toEqual({ status: 'forgotten' });
    expect(await (await call('config', null)).json()).toEqual({ configured: false, storage: 'memory' });
  });

  it('answers only our own page: a simple cross-site POST, another origin or a GET gets nothing', async () => {
    const before = forwarded.length;
    await call('configure', { url: 'http://10.0.0.2:5984/league-lt', user: 'u1', password: 'p', scope: 'LT' });
    expect((await call('request', { method: 'GET', path: '' }, { 'Content-Type': 'text/plain' })).status).toBe(403);
    expect((await call('request', { method: 'GET', path: '' }, { ...OWN, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('request', { method: 'GET', path: '' }, { ...OWN, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await fetch(`${server.url}bridge/hub/config`)).status).toBe(403);
    expect((await call('request', { method: 'GET', path: '../_users' })).status).toBe(400);
    expect((await call('configure', { url: 'http://a:b@10.0.0.2:5984/league-lt', user: 'u', password: 'p', scope: 'LT' })).status).toBe(200);
    expect(await (await call('configure', { url: 'http://a:b@10.0.0.2:5984/league-lt', user: 'u', password: 'p', scope: 'LT' })).json()).toEqual({ status: 'error', reason: 'invalid-request' });
    expect(forwarded.length).toBe(before);
  });
});
