import { fireEvent, screen } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { APP_REGISTRY } from '../../../shared/app/registry';
import type { Lang } from '../../../shared/i18n/lang';
import { CountySetupDialog } from '../../../renderer/src/components/trust/CountySetupDialog';
import { EnrollPage } from '../../../renderer/src/features/pcs/EnrollPage';
import { LeagueDeskDb } from '../../../renderer/src/store/db';
import { openStore, type Store } from '../../../renderer/src/store/store';
import { renderInApp } from '../renderInApp';

/*
 * The set-up's last step says how many changes written before trust the county's checkpoint
 * adopted, in both languages, the count through the app's formatter (isolated in Uyghur); a PC
 * with nothing written before says nothing of it.
 */

const PASSPHRASE = '轮台县团委 授权口令 2026';
let made = 0;

/** A PC that has worked alone: `n` organisations written before it became the county's. */
async function pcWithHistory(n: number): Promise<Store> {
  const store = await openStore(new LeagueDeskDb(APP_REGISTRY, `adopted-${made++}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
  const rows = Array.from({ length: n }, (_, i) => ({ table: 'org', row: `org-LT-${i}`, scope: 'LT', fields: { code: `LT-${String(i).padStart(2, '0')}`, name: { zh: `乡${i}` }, kind: 'township', parentId: null, archived: true } }));
  if (rows.length > 0) await store.repo.write(rows);
  return store;
}

async function setUp(lang: Lang, store: Store): Promise<void> {
  await renderInApp(<CountySetupDialog open onClose={() => undefined} before={async () => true} />, { lang, store });
  await fillIn();
}

async function fillIn(): Promise<void> {
  fireEvent.change(screen.getByTestId('county-code'), { target: { value: 'LT' } });
  fireEvent.change(screen.getByTestId('county-name-zh'), { target: { value: '共青团轮台县委员会' } });
  fireEvent.change(screen.getByTestId('passphrase'), { target: { value: PASSPHRASE } });
  fireEvent.change(screen.getByTestId('passphrase-again'), { target: { value: PASSPHRASE } });
  fireEvent.click(screen.getByTestId('setup-create'));
  await screen.findByTestId('recovery-code', {}, { timeout: 60_000 });
}

describe('the county set-up’s last step', () => {
  it('says in Chinese how many earlier changes the county adopted', async () => {
    await setUp('zh-CN', await pcWithHistory(1234));
    expect(screen.getByTestId('setup-adopted').textContent).toContain('已有的 1,234 条启用签名前写下的变更');
  }, 90_000);

  it('says it in Uyghur, the count isolated left to right', async () => {
    await setUp('ug', await pcWithHistory(3));
    const text = screen.getByTestId('setup-adopted').textContent!;
    expect(text).toContain('\u20663\u2069 ئۆزگەرتىش');
    expect(text).toContain('قوبۇل قىلىندى');
  }, 90_000);

  it('is reached from the enrolment page by a PC that has worked alone (an upgraded one: the first-start screen is behind it)', async () => {
    const store = await pcWithHistory(5);
    await renderInApp(<EnrollPage />, { store });
    fireEvent.click(await screen.findByTestId('enroll-setup-county'));
    await fillIn();
    expect(screen.getByTestId('setup-adopted').textContent).toContain('已有的 5 条');
  }, 90_000);

  it('says nothing of it on a PC with nothing written before', async () => {
    await setUp('zh-CN', await pcWithHistory(0));
    expect(screen.queryByTestId('setup-adopted')).toBeNull();
  }, 90_000);
});
