import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/bridge';
import { FOREIGN_SENDERS, TEST_APP_INFO, createBridgeHarness } from './fakes';

describe('bridge.appInfo', () => {
  it('reports the shell, its data folder and whether it runs portable', async () => {
    const portableInfo = { ...TEST_APP_INFO, dataFolder: 'E:\\LeagueDesk\\LeagueDeskData', portable: true };
    const bridge = createBridgeHarness({ appInfo: portableInfo });

    expect(await bridge.invoke(BRIDGE_CHANNELS.appInfo)).toEqual(portableInfo);
  });

  it.each(FOREIGN_SENDERS)('rejects %s with forbidden-sender', async (_case, event) => {
    const bridge = createBridgeHarness();

    await expect(bridge.invokeAs(event, BRIDGE_CHANNELS.appInfo)).rejects.toThrow('forbidden-sender');
  });
});

describe('bridge.setLanguage', () => {
  it('hands the new language to the shell so the menu is rebuilt in it', async () => {
    const bridge = createBridgeHarness();

    await expect(bridge.invoke(BRIDGE_CHANNELS.setLanguage, 'ug')).resolves.toBeUndefined();
    await bridge.invoke(BRIDGE_CHANNELS.setLanguage, 'zh-CN');

    expect(bridge.languageChanges).toEqual(['ug', 'zh-CN']);
  });

  it.each([['en'], ['ug-Arab-CN'], [''], [undefined], [{ lang: 'ug' }]])(
    'rejects %j with invalid-request and keeps the menu as it is',
    async (raw) => {
      const bridge = createBridgeHarness();

      await expect(bridge.invoke(BRIDGE_CHANNELS.setLanguage, raw)).rejects.toThrow('invalid-request');
      expect(bridge.languageChanges).toEqual([]);
    },
  );

  it.each(FOREIGN_SENDERS)('rejects %s with forbidden-sender', async (_case, event) => {
    const bridge = createBridgeHarness();

    await expect(bridge.invokeAs(event, BRIDGE_CHANNELS.setLanguage, 'ug')).rejects.toThrow('forbidden-sender');
    expect(bridge.languageChanges).toEqual([]);
  });
});

describe('registerBridgeHandlers', () => {
  it('handles every renderer-to-shell channel and nothing else', () => {
    const bridge = createBridgeHarness();
    const { menuCommand: _mainToRenderer, ...invokable } = BRIDGE_CHANNELS;

    expect([...bridge.ipc.handlers.keys()].sort()).toEqual(Object.values(invokable).sort());
  });
});
