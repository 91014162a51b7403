import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_CONTEST_ID, demoContestRows } from '../../../shared/contests/demo';
import { scoreRowId, type Score } from '../../../shared/contests/rows';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { rowValues } from '../../../shared/sync/row';
import { ContestsPage } from '../../../renderer/src/features/contests/ContestsPage';
import { readChangeCount } from '../../../renderer/src/store/changeLog';
import { renderInApp } from '../renderInApp';


async function renderAt(hash: string, lang: 'zh-CN' | 'ug' = 'zh-CN') {
  window.location.hash = hash;
  const { store } = await renderInApp(<ContestsPage />, { lang, demo: true });
  return store;
}

const { entries } = demoContestRows(generateDemoCounty());

describe('blind judging of the demo contest', () => {
  it('shows the entry by code with the judge\'s points, never a name or township, and saves typed points from the keyboard', async () => {
    const store = await renderAt(`#/contests?contest=${DEMO_CONTEST_ID}&view=judging&judge=j2&at=E-003`);
    const card = await screen.findByTestId('scoring-card', {}, { timeout: 25_000 });
    expect(card.getAttribute('data-code')).toBe('E-003');
    for (const e of entries) expect(card.textContent).not.toContain(e.entrantName);
    expect(card.textContent).not.toContain('团委');
    const first = screen.getByTestId('score-0') as HTMLInputElement;
    const before = (await store.db.table('score').get(scoreRowId(`${DEMO_CONTEST_ID}-e03`, 'j2')))!;
    expect(first.value).toBe(String(rowValues<Score>(before).points['theme']));

    for (const [i, value] of ['10', '9', '8', '7'].entries()) {
      const input = screen.getByTestId(`score-${i}`);
      fireEvent.change(input, { target: { value } });
      await act(async () => {
        fireEvent.keyDown(input, { key: 'Enter' });
      });
    }
    await waitFor(async () => {
      const row = rowValues<Score>((await store.db.table('score').get(scoreRowId(`${DEMO_CONTEST_ID}-e03`, 'j2')))!);
      expect(row.points).toEqual({ theme: 10, content: 9, language: 8, creativity: 7 });
    });
    // Saved, the card moves on to the judge's next entry (the address changes): waited for, so the
    // move does not land in the next test's address.
    await waitFor(() => expect(window.location.hash).not.toContain('at=E-003'));
  });

  it('refuses points above a criterion\'s maximum and does not save them', async () => {
    const store = await renderAt(`#/contests?contest=${DEMO_CONTEST_ID}&view=judging&judge=j1&at=E-001`, 'ug');
    await screen.findByTestId('scoring-card', {}, { timeout: 25_000 });
    const changesBefore = await readChangeCount(store.db);
    fireEvent.change(screen.getByTestId('score-0'), { target: { value: '11' } });
    expect((screen.getByTestId('score-save') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      fireEvent.keyDown(screen.getByTestId('score-0'), { key: 'Enter' });
    });
    expect(await readChangeCount(store.db)).toBe(changesBefore);
  });

  it('ranks the 30 demo entries and hands out 1 first, 3 second, 5 third and 10 excellence awards', async () => {
    await renderAt(`#/contests?contest=${DEMO_CONTEST_ID}&view=ranking`);
    await waitFor(() => expect(screen.getAllByTestId('ranking-row')).toHaveLength(30), { timeout: 25_000 });
    const awards = screen.getAllByTestId('ranking-row').map((r) => r.getAttribute('data-award'));
    expect(awards.filter((a) => a === 'first')).toHaveLength(1);
    expect(awards.filter((a) => a === 'second')).toHaveLength(3);
    expect(awards.filter((a) => a === 'third')).toHaveLength(5);
    expect(awards.filter((a) => a === 'excellence')).toHaveLength(10);
    expect(awards.slice(19).every((a) => a === '')).toBe(true);
  });
});
