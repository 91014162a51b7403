import { fireEvent, screen, waitFor } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { APP_REGISTRY } from '../../../shared/app/registry';
import type { SaveFileRequest, SaveResult } from '../../../shared/bridge';
import { demoContest } from '../../../shared/contests/demo';
import { saveContestWrites } from '../../../shared/contests/writes';
import type { Lang } from '../../../shared/i18n/lang';
import { mayWrite, deviceStanding } from '../../../shared/trust/standing';
import { IssueDialog } from '../../../renderer/src/features/pcs/IssueDialog';
import { importEnrollmentAnswer, openEnrollmentRequest, requestToJoin, setUpCountyPc, startCountyTree } from '../../../renderer/src/store/authorityStore';
import { LeagueDeskDb } from '../../../renderer/src/store/db';
import { openStore, type Store } from '../../../renderer/src/store/store';
import { readStandingRecords } from '../../../renderer/src/store/standing';
import { renderInApp } from '../renderInApp';

/*
 * The county makes a judge (issue 14): with the role "judge" the issue dialog asks, per contest,
 * which of the contest's judges the PC scores as; its certificate names those and no organisation
 * but the county, and the judge PC it enrols may write those judges' scores only.
 */

const PASSPHRASE = '轮台县团委 授权口令 2026';
let made = 0;
const pc = (): Promise<Store> => openStore(new LeagueDeskDb(APP_REGISTRY, `judge-issue-${made++}`, { indexedDB: new IDBFactory(), IDBKeyRange }));

/** The county's PC with two contests: the essay contest (five judges) and a photo contest with none yet. */
async function countyWithContests(): Promise<Store> {
  const county = await pc();
  const set = await setUpCountyPc(county, { county: 'LT', name: { zh: '共青团轮台县委员会' }, passphrase: PASSPHRASE, iterations: 100_000 });
  if (!set.ok) throw new Error(set.reason);
  await startCountyTree(county, 'LT', { zh: '共青团轮台县委员会' });
  const essay = demoContest();
  const photo = { ...demoContest(), id: 'contest-photo', kind: 'photo' as const, title: { zh: '家乡新貌摄影比赛', ug: 'يۇرتىمىزنىڭ يېڭى قىياپىتى فوتو سۈرەت مۇسابىقىسى' }, judges: [], createdAt: '2025-05-01T00:00:00.000Z' };
  await county.repo.write([...saveContestWrites(essay, 'LT'), ...saveContestWrites(photo, 'LT')]);
  return county;
}

const isDisabled = (testId: string) => (screen.getByTestId(testId) as HTMLButtonElement | HTMLInputElement).disabled;
const choose = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

async function openDialog(lang: Lang) {
  const judgePc = await pc();
  const asked = await requestToJoin(judgePc);
  const county = await countyWithContests();
  const opened = await openEnrollmentRequest(county, asked.text);
  if (!opened.ok) throw new Error(opened.reason);
  const saved: SaveFileRequest[] = [];
  const saveFile = async (r: SaveFileRequest): Promise<SaveResult> => (saved.push(r), { status: 'saved', path: `/usb/${r.suggestedName}`, verified: true });
  const onClose = vi.fn();
  await renderInApp(<IssueDialog request={opened.request} fingerprint={opened.fingerprint} onClose={onClose} />, { bridge: { saveFile }, store: county, lang });
  return { judgePc, saved, onClose };
}

describe('making a judge (issue dialog)', () => {
  it('asks which judge the PC scores as in each contest, issues only once one is chosen, and the judge PC may write only those scores', async () => {
    const { judgePc, saved, onClose } = await openDialog('zh-CN');
    fireEvent.click(screen.getByTestId('fingerprint-matches'));
    fireEvent.change(screen.getByTestId('issue-passphrase'), { target: { value: PASSPHRASE } });
    expect(screen.queryByTestId('issue-judging')).toBeNull();
    choose('issue-role', 'judge');
    await screen.findByTestId('issue-judging');
    // No organisation to pick: a judge's certificate names the county.
    expect(screen.queryByTestId('issue-scope')).toBeNull();
    expect(screen.getByText('评委不属于某个组织：它能打分的比赛由下面的选择决定')).toBeTruthy();
    // The contest without judges cannot be assigned yet, and says why.
    expect((await screen.findByTestId('issue-judge-none-contest-photo')).textContent).toMatch(/家乡新貌摄影比赛.*：还没有评委，请先在比赛里添加评委。/);
    expect(screen.queryByTestId('issue-judge-contest-photo')).toBeNull();
    // Nothing assigned: nothing to issue.
    expect(isDisabled('issue-go')).toBe(true);
    choose(`issue-judge-${demoContest().id}`, 'j2');
    await waitFor(() => expect(isDisabled('issue-go')).toBe(false));
    // Chosen and then un-chosen: nothing to issue again.
    choose(`issue-judge-${demoContest().id}`, '');
    await waitFor(() => expect(isDisabled('issue-go')).toBe(true));
    choose(`issue-judge-${demoContest().id}`, 'j2');
    fireEvent.click(screen.getByTestId('issue-go'));
    await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 20_000 });

    const taken = await importEnrollmentAnswer(judgePc, new TextDecoder().decode(saved[0]!.data));
    expect(taken).toMatchObject({ ok: true, certificate: { role: 'judge', scope: 'LT', judging: [{ contest: demoContest().id, judge: 'j2' }] } });
    const standing = deviceStanding(await judgePc.standing.inputsFrom(await readStandingRecords(judgePc.db, judgePc.device.id)), Date.now());
    const score = (contestId: string, judgeId: string) =>
      mayWrite(standing, judgePc.db.registry.rules, { table: 'score', row: `e1~${judgeId}`, fields: { contestId, entryId: 'e1', judgeId, points: {} } }, judgePc.device.id, () => undefined);
    expect(score(demoContest().id, 'j2')).toBeUndefined();
    expect(score(demoContest().id, 'j1')).toMatchObject({ reason: 'not-own-score' });
    expect(score('contest-photo', 'j2')).toMatchObject({ reason: 'not-own-score' });
    expect(mayWrite(standing, judgePc.db.registry.rules, { table: 'entry', fields: { contestId: demoContest().id } }, judgePc.device.id, () => undefined)).toMatchObject({ reason: 'role-not-allowed' });
  }, 60_000);

  it('says it in Uyghur: the picker, a contest without judges, and the contests by their Uyghur titles', async () => {
    await openDialog('ug');
    choose('issue-role', 'judge');
    await screen.findByTestId('issue-judging');
    expect(screen.getByText('باھالايدىغان مۇسابىقىلەر')).toBeTruthy();
    expect((await screen.findByTestId('issue-judge-none-contest-photo')).textContent).toContain('بۇ مۇسابىقىدە تېخى باھالىغۇچى يوق');
    expect(screen.getAllByText(demoContest().title.ug!).length).toBeGreaterThan(0);
  }, 60_000);
});
