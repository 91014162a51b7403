import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/bridge';
import { createBridgeHarness, FOREIGN_SENDERS } from './fakes';

const ACCOUNT = { url: 'http://192.168.1.10:5984/league-lt', user: 'town03-pc', password: 'town03-pass-1', scope: 'LT-03' };

describe('bridge.hub in the main process', () => {
  it('keeps the password encrypted by the keychain and never hands it back', async () => {
    const h = createBridgeHarness();
    expect(await h.invoke(BRIDGE_CHANNELS.hubConfig)).toEqual({ configured: false, storage: 'safe-storage' });
    expect(await h.invoke(BRIDGE_CHANNELS.hubConfigure, ACCOUNT)).toEqual({ status: 'saved' });
    const stored = new TextDecoder().decode(h.accountFs.files.get('/data/hub-account.json'));
    expect(stored).not.toContain(ACCOUNT.password);
    expect(JSON.parse(stored)).toMatchObject({ server: 'http://192.168.1.10:5984/', db: 'league-lt', user: 'town03-pc', scope: 'LT-03' });
    const info = await h.invoke(BRIDGE_CHANNELS.hubConfig);
    expect(info).toEqual({ configured: true, address: 'http://192.168.1.10:5984/league-lt', user: 'town03-pc', scope: 'LT-03', storage: 'safe-storage' });
    expect(JSON.stringify(info)).not.toContain(ACCOUNT.password);
  });

  it('refuses to store an account where the OS has no keychain', async () => {
    const h = createBridgeHarness();
    h.keychain.available = false;
    expect(await h.invoke(BRIDGE_CHANNELS.hubConfigure, ACCOUNT)).toEqual({ status: 'error', reason: 'no-safe-storage' });
    expect(h.accountFs.files.size).toBe(0);
  });

  it('refuses an address with credentials in it, or a bad scope, and forgets on null', async () => {
    const h = createBridgeHarness();
    for (const bad of [{ ...ACCOUNT, url: 'http://a:b@127.0.0.1:5984/league-lt' }, { ...ACCOUNT, scope: 'lt' }, { ...ACCOUNT, url: 'ftp://x/league-lt' }, 'nonsense']) {
      expect(await h.invoke(BRIDGE_CHANNELS.hubConfigure, bad)).toEqual({ status: 'error', reason: 'invalid-request' });
    }
    await h.invoke(BRIDGE_CHANNELS.hubConfigure, ACCOUNT);
    expect(await h.invoke(BRIDGE_CHANNELS.hubConfigure, null)).toEqual({ status: 'forgotten' });
    expect(await h.invoke(BRIDGE_CHANNELS.hubConfig)).toEqual({ configured: false, storage: 'safe-storage' });
  });

  it('forwards a request into the county database with Basic credentials added', async () => {
    const h = createBridgeHarness();
    expect(await h.invoke(BRIDGE_CHANNELS.hubRequest, { method: 'GET', path: '_changes', query: { since: '0' } })).toEqual({ ok: false, failure: 'not-configured' });
    await h.invoke(BRIDGE_CHANNELS.hubConfigure, ACCOUNT);
    const answer = await h.invoke(BRIDGE_CHANNELS.hubRequest, { method: 'POST', path: '_bulk_docs', body: { docs: [] } });
    expect(answer).toEqual({ ok: true, status: 200, body: { ok: true } });
    const [call] = h.hubCalls;
    expect(call!.url).toBe('http://192.168.1.10:5984/league-lt/_bulk_docs');
    expect(call!.init.headers['Authorization']).toBe(`Basic ${Buffer.from('town03-pc:town03-pass-1').toString('base64')}`);
  });

  it('refuses paths that leave the database, other methods, and foreign senders', async () => {
    const h = createBridgeHarness();
    await h.invoke(BRIDGE_CHANNELS.hubConfigure, ACCOUNT);
    for (const bad of [{ method: 'GET', path: '/_users' }, { method: 'GET', path: '../_users' }, { method: 'DELETE', path: 'x' }, { method: 'GET', path: 'a?b' }, null]) {
      await expect(h.invoke(BRIDGE_CHANNELS.hubRequest, bad)).rejects.toThrow('invalid-request');
    }
    for (const [, event] of FOREIGN_SENDERS) {
      await expect(h.invokeAs(event, BRIDGE_CHANNELS.hubRequest, { method: 'GET', path: '' })).rejects.toThrow('forbidden-sender');
      await expect(h.invokeAs(event, BRIDGE_CHANNELS.hubConfig)).rejects.toThrow('forbidden-sender');
      await expect(h.invokeAs(event, BRIDGE_CHANNELS.hubConfigure, ACCOUNT)).rejects.toThrow('forbidden-sender');
    }
    expect(h.hubCalls).toHaveLength(0);
  });

  it('reads a saved account back after a restart, and none where the keychain cannot decrypt it', async () => {
    const h = createBridgeHarness();
    await h.invoke(BRIDGE_CHANNELS.hubConfigure, ACCOUNT);
    const { createHubAccountStore } = await import('../../../electron/hubAccount');
    const again = createHubAccountStore('/data/hub-account.json', h.keychain, h.accountFs);
    expect(await again.load()).toMatchObject({ user: 'town03-pc', password: 'town03-pass-1' });
    h.accountFs.files.set('/data/hub-account.json', new TextEncoder().encode('{"server":"x","db":"y","user":"u","scope":"LT","password":"bm90IG91cnM="}'));
    expect(await createHubAccountStore('/data/hub-account.json', h.keychain, h.accountFs).load()).toBeUndefined();
  });
});
