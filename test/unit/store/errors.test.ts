import { describe, expect, it } from 'vitest';
import { SyncError } from '../../../shared/sync/errors';
import { describeStoreError } from '../../../renderer/src/store/errors';
import { WriteRefusedError } from '../../../renderer/src/store/repository';
import { NewerDatabaseError } from '../../../renderer/src/store/store';
import zh from '../../../locales/zh-CN/errors.json';
import ug from '../../../locales/ug/errors.json';

const keyExists = (messages: Record<string, unknown>, key: string) =>
  key
    .replace(/^errors:/, '')
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages) !== undefined;

describe('what a person is told when the local database fails', () => {
  const cases: [string, unknown, string][] = [
    ['a full disk', Object.assign(new Error('quota'), { name: 'QuotaExceededError' }), 'errors:store.diskFull'],
    ['a full disk wrapped by Dexie', Object.assign(new Error('abort'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }), 'errors:store.diskFull'],
    ['a row the schema refuses', new WriteRefusedError('row-invalid', { table: 'org', row: 'o1', issues: ['code: bad'] }), 'errors:store.rowInvalid'],
    ['a refused file', new SyncError('import-refused'), 'errors:sync.import-refused'],
    ['a newer database', new NewerDatabaseError(9, 7), 'errors:store.newerDatabase'],
    ['a fault in the app', Object.assign(new Error('Transaction committed too early'), { name: 'PrematureCommitError' }), 'errors:store.internal'],
    ['something thrown that is not an Error', 'boom', 'errors:store.internal'],
  ];
  for (const [what, error, key] of cases) {
    it(`${what}: ${key}, in both languages`, () => {
      expect(describeStoreError(error).key).toBe(key);
      expect(keyExists(zh, key) && keyExists(ug, key)).toBe(true);
    });
  }

  it('a fault keeps its technical cause for the details, and never tells the person to try again', () => {
    const fault = describeStoreError(Object.assign(new Error('Transaction committed too early'), { name: 'PrematureCommitError' }));
    expect(fault.detail).toBe('PrematureCommitError: Transaction committed too early');
    expect(zh.store.internal).not.toMatch(/请重试/);
    expect(zh.store.internal).toMatch(/技术详情/);
  });
});
