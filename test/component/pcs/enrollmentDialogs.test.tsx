import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { APP_REGISTRY } from '../../../shared/app/registry';
import type { SaveFileRequest, SaveResult } from '../../../shared/bridge';
import { AUTHORITY_FILE_REFUSALS } from '../../../shared/trust/authorityFile';
import { ISSUING_REFUSALS } from '../../../shared/trust/certificate';
import { ANSWER_REFUSALS } from '../../../shared/trust/enrollmentAnswer';
import { IssueDialog } from '../../../renderer/src/features/pcs/IssueDialog';
import { JoinRequest } from '../../../renderer/src/components/trust/JoinRequest';
import { RevokeDialog } from '../../../renderer/src/features/pcs/RevokeDialog';
import { SuccessionDialog } from '../../../renderer/src/features/pcs/SuccessionDialog';
import { CountySetupDialog } from '../../../renderer/src/components/trust/CountySetupDialog';
import {
  authorityBackup,
  holdsCountyAuthority,
  importEnrollmentAnswer,
  issueForRequest,
  openEnrollmentRequest,
  readEnrolledPcs,
  requestToJoin,
  setUpCountyPc,
  startCountyTree,
} from '../../../renderer/src/store/authorityStore';
import { LeagueDeskDb } from '../../../renderer/src/store/db';
import { openStore, type Store } from '../../../renderer/src/store/store';
import zhPcs from '../../../locales/zh-CN/pcs.json';
import ugPcs from '../../../locales/ug/pcs.json';
import { renderInApp } from '../renderInApp';

const PASSPHRASE = '轮台县团委 授权口令 2026';
let made = 0;

async function otherPc(): Promise<Store> {
  return openStore(new LeagueDeskDb(APP_REGISTRY, `pcs-other-${made++}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
}

/** The store as the county's PC with LT and LT-03 (the readers' minimum work factor: quicker). */
async function becomeCounty(store: Store): Promise<void> {
  const set = await setUpCountyPc(store, { county: 'LT', name: { zh: '共青团轮台县委员会' }, passphrase: PASSPHRASE, iterations: 100_000 });
  if (!set.ok) throw new Error(set.reason);
  await startCountyTree(store, 'LT', { zh: '共青团轮台县委员会' });
  await store.repo.write([{ table: 'org', row: 'org-LT-03', scope: 'LT-03', fields: { code: 'LT-03', name: { zh: '群巴克镇团委' }, kind: 'township', parentId: 'org-LT', archived: false } }]);
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const isDisabled = (testId: string) => (screen.getByTestId(testId) as HTMLButtonElement).disabled;

describe('setting up the county’s PC (dialog)', () => {
  it('asks again for what is missing or weak and makes nothing; then shows the recovery code once, and goes on only once it is written down', async () => {
    const { store } = await renderInApp(<CountySetupDialog open onClose={() => undefined} before={async () => true} />);
    fireEvent.click(screen.getByTestId('setup-create'));
    await screen.findByText('请至少填写一种语言的名称。');
    expect(screen.getByText('请填写口令。')).toBeTruthy();
    type('county-code', 'lt9');
    expect((screen.getByTestId('county-code') as HTMLInputElement).value).toBe('LT');
    type('county-name-zh', '共青团轮台县委员会');
    type('passphrase', 'short');
    fireEvent.click(screen.getByTestId('setup-create'));
    await screen.findByText(/口令太短/);
    type('passphrase', PASSPHRASE);
    type('passphrase-again', `${PASSPHRASE}!`);
    fireEvent.click(screen.getByTestId('setup-create'));
    await screen.findByText('两次输入的口令不一样。');
    expect(await holdsCountyAuthority(store.db)).toBe(false);

    type('passphrase-again', PASSPHRASE);
    fireEvent.click(screen.getByTestId('setup-create'));
    const code = await screen.findByTestId('recovery-code', {}, { timeout: 30_000 });
    expect(code.getAttribute('data-code')).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect(code.getAttribute('dir')).toBe('ltr');
    expect(await holdsCountyAuthority(store.db)).toBe(true);
    expect(isDisabled('setup-finish')).toBe(true);
    fireEvent.click(screen.getByTestId('recovery-written'));
    expect(isDisabled('setup-finish')).toBe(false);
  });
});

describe('issuing a certificate (dialog)', () => {
  it('issues only once the fingerprint is compared, a scope picked and the right passphrase given; saves an answer the asking PC takes', async () => {
    const township = await otherPc();
    const asked = await requestToJoin(township);
    const saved: SaveFileRequest[] = [];
    const saveFile = async (r: SaveFileRequest): Promise<SaveResult> => (saved.push(r), { status: 'saved', path: `/usb/${r.suggestedName}`, verified: true });
    const onClose = vi.fn();
    // The county store is the dialog's own: made county first, then the dialog reads it.
    const county = await otherPc();
    await becomeCounty(county);
    const opened = await openEnrollmentRequest(county, asked.text);
    if (!opened.ok) throw new Error(opened.reason);
    const { notify } = await renderInApp(<IssueDialog request={opened.request} fingerprint={opened.fingerprint} onClose={onClose} />, { bridge: { saveFile }, store: county });

    expect(screen.getByTestId('request-fingerprint').getAttribute('data-code')).toBe(asked.fingerprint);
    expect(isDisabled('issue-go')).toBe(true);
    fireEvent.click(screen.getByTestId('fingerprint-matches'));
    type('issue-passphrase', 'not the passphrase');
    // No scope yet: a township officer's scope is picked, never assumed.
    expect(isDisabled('issue-go')).toBe(true);
    const scope = screen.getByTestId('issue-scope');
    fireEvent.mouseDown(scope);
    fireEvent.change(scope, { target: { value: 'LT-03' } });
    fireEvent.click(await screen.findByRole('option', { name: /LT-03/ }));
    await waitFor(() => expect(isDisabled('issue-go')).toBe(false));

    fireEvent.click(screen.getByTestId('issue-go'));
    await screen.findByText(/口令不对/, {}, { timeout: 20_000 });
    expect(saved).toEqual([]);
    type('issue-passphrase', PASSPHRASE);
    fireEvent.click(screen.getByTestId('issue-go'));
    await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 20_000 });
    expect(saved.map((s) => s.suggestedName)).toEqual([`LT-${township.device.id}.leaguecert`]);
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ severity: 'success', key: 'pcs:issue.done' }));
    const taken = await importEnrollmentAnswer(township, new TextDecoder().decode(saved[0]!.data));
    expect(taken).toMatchObject({ ok: true, certificate: { role: 'townshipOfficer', scope: 'LT-03' } });
  });
});

describe('asking to join from a PC nobody has named (it worked alone since first start)', () => {
  const saving = () => {
    const saved: SaveFileRequest[] = [];
    const saveFile = async (r: SaveFileRequest): Promise<SaveResult> => (saved.push(r), { status: 'saved', path: `/usb/${r.suggestedName}`, verified: true });
    return { saved, saveFile };
  };

  for (const lang of ['zh-CN', 'ug'] as const) {
    it(`asks for the PC's name first and writes nothing without one; the request then carries it (${lang})`, async () => {
      const { saved, saveFile } = saving();
      const { store } = await renderInApp(<JoinRequest />, { bridge: { saveFile }, lang });
      fireEvent.click(screen.getByTestId('write-request'));
      expect(screen.getByTestId('pc-name-input').getAttribute('aria-invalid')).toBe('true');
      expect(saved).toEqual([]);
      type('pc-name-input', '群巴克镇团委 1号机');
      fireEvent.click(screen.getByTestId('write-request'));
      await waitFor(() => expect(saved).toHaveLength(1));
      expect(JSON.parse(new TextDecoder().decode(saved[0]!.data))).toMatchObject({ device: store.device.id, name: '群巴克镇团委 1号机' });
      expect(store.identity.name).toBe('群巴克镇团委 1号机');
      expect(await screen.findByTestId('own-fingerprint')).toBeTruthy();
    });
  }

  it('a PC asked for by the store alone (no screen) is named by its short id, shown as any unnamed PC, never "PC …"', async () => {
    const unnamed = await otherPc();
    const asked = JSON.parse((await requestToJoin(unnamed)).text) as { name: string };
    expect(asked.name).toBe(unnamed.device.id.slice(0, 6));
  });
});

describe('revoking a PC (dialog)', () => {
  it('needs a cause and the passphrase; a wrong passphrase is said in the field and revokes nothing; the right one revokes', async () => {
    const county = await otherPc();
    await becomeCounty(county);
    const township = await otherPc();
    const opened = await openEnrollmentRequest(county, (await requestToJoin(township)).text);
    if (!opened.ok) throw new Error(opened.reason);
    await issueForRequest(county, opened.request, { role: 'viewer', scope: 'LT', validFrom: new Date().toISOString(), validTo: new Date(Date.now() + 1e10).toISOString() }, PASSPHRASE);
    const pc = (await readEnrolledPcs(county)).find((p) => !p.self)!;
    const onClose = vi.fn();
    await renderInApp(<RevokeDialog pc={pc} onClose={onClose} />, { store: county });

    expect(isDisabled('revoke-go')).toBe(true);
    fireEvent.mouseDown(within(screen.getByTestId('revoke-dialog')).getByRole('combobox'));
    fireEvent.click(await screen.findByTestId('cause-stolen'));
    type('revoke-passphrase', 'not the passphrase');
    fireEvent.click(screen.getByTestId('revoke-go'));
    await screen.findByText(/口令不对/, {}, { timeout: 20_000 });
    expect((await readEnrolledPcs(county)).find((p) => p.device === pc.device)?.status).toBe('active');
    type('revoke-passphrase', PASSPHRASE);
    fireEvent.click(screen.getByTestId('revoke-go'));
    await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 20_000 });
    expect((await readEnrolledPcs(county)).find((p) => p.device === pc.device)).toMatchObject({ status: 'revoked', revocation: { cause: 'stolen' } });
  });
});

describe('handing the county’s authority on (dialog)', () => {
  const NEW = '轮台县团委 新口令 2027 年';

  it('asks for the current passphrase and a new one twice; a wrong passphrase is said in the field; then the new recovery code is shown once', async () => {
    const county = await otherPc();
    await becomeCounty(county);
    const onClose = vi.fn();
    await renderInApp(<SuccessionDialog ways={['passphrase', 'recovery']} onClose={onClose} />, { store: county });
    fireEvent.click(screen.getByTestId('succession-go'));
    expect(screen.getByTestId('succession-passphrase').getAttribute('aria-invalid')).toBe('true');
    type('succession-passphrase', 'not the passphrase');
    type('succession-new', NEW);
    type('succession-again', NEW);
    fireEvent.click(screen.getByTestId('succession-go'));
    await screen.findByText(/口令不对/, {}, { timeout: 20_000 });
    type('succession-passphrase', PASSPHRASE);
    fireEvent.click(screen.getByTestId('succession-go'));
    const code = await screen.findByTestId('recovery-code', {}, { timeout: 30_000 });
    expect(code.getAttribute('data-code')).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect(isDisabled('succession-finish')).toBe(true);
    fireEvent.click(screen.getByTestId('recovery-written'));
    fireEvent.click(screen.getByTestId('succession-finish'));
    expect(onClose).toHaveBeenCalled();
    // The held authority now opens with the new passphrase only.
    expect(await authorityBackup(county, PASSPHRASE)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await authorityBackup(county, NEW)).toMatchObject({ ok: true });
  });

  it('in Uyghur, on a township’s PC, takes the authority on with the recovery code (a wrong one is refused with its reason)', async () => {
    const county = await otherPc();
    const set = await setUpCountyPc(county, { county: 'LT', name: { zh: '共青团轮台县委员会' }, passphrase: PASSPHRASE, iterations: 100_000 });
    if (!set.ok) throw new Error(set.reason);
    const township = await otherPc();
    const opened = await openEnrollmentRequest(county, (await requestToJoin(township)).text);
    if (!opened.ok) throw new Error(opened.reason);
    const issued = await issueForRequest(county, opened.request, { role: 'viewer', scope: 'LT', validFrom: new Date().toISOString(), validTo: new Date(Date.now() + 1e10).toISOString() }, PASSPHRASE);
    if (!issued.ok) throw new Error(issued.reason);
    await importEnrollmentAnswer(township, issued.answer.text);
    const { notify } = await renderInApp(<SuccessionDialog ways={['recovery']} onClose={() => undefined} />, { store: township, lang: 'ug' });
    expect(screen.queryByTestId('succession-passphrase')).toBeNull();
    type('succession-code', 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA');
    type('succession-new', NEW);
    type('succession-again', NEW);
    fireEvent.click(screen.getByTestId('succession-go'));
    await waitFor(() => expect(notify).toHaveBeenCalledWith(expect.objectContaining({ key: 'pcs:refusal.wrong-recovery-code' })), { timeout: 20_000 });
    type('succession-code', set.recoveryCode);
    fireEvent.click(screen.getByTestId('succession-go'));
    await screen.findByTestId('recovery-code', {}, { timeout: 30_000 });
    expect(await holdsCountyAuthority(township.db)).toBe(true);
  });
});

describe('refusal messages', () => {
  it('every reason an enrolment step can give has a message in both languages', () => {
    const reasons = [
      ...AUTHORITY_FILE_REFUSALS,
      ...ANSWER_REFUSALS,
      ...ISSUING_REFUSALS,
      ...['weak-passphrase', 'county-invalid', 'home-fixed', 'record-invalid', 'bad-signature', 'own-request', 'no-authority', 'own-pc', 'not-requested', 'wrong-recovery-code', 'recovery-code-malformed', 'no-home', 'tampered'],
    ];
    for (const reason of reasons) {
      expect(zhPcs.refusal, reason).toHaveProperty([reason]);
      expect(ugPcs.refusal, reason).toHaveProperty([reason]);
    }
  });
});
