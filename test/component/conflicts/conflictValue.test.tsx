import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Org } from '../../../shared/domain/org';
import type { ReportingRound } from '../../../shared/domain/stats';
import type { MergedRow } from '../../../shared/sync/row';
import { ConflictValue } from '../../../renderer/src/features/conflicts/ConflictValue';
import type { RowContext } from '../../../renderer/src/features/conflicts/conflictContext';
import { createI18n } from '../../../renderer/src/i18n';

/*
 * A value that points at another row reads as that row's name (issue 14's refused page showed a
 * judge's score as `contestId → 4b14a60b-…`, `points → {"content":8,…}`): an organisation by name,
 * a round by period, a contest by title, an entry by code, a judge by name, points by criterion.
 */

afterEach(cleanup);

const contest = {
  id: 'c1',
  title: { zh: '青春征文', ug: 'ياشلىق ماقالىسى' },
  judges: [{ id: 'j1', name: '评委甲' }],
  criteria: [
    { id: 'content', name: { zh: '内容', ug: 'مەزمۇنى' }, max: 10 },
    { id: 'language', name: { zh: '语言', ug: 'تىل' }, max: 10 },
  ],
  _clock: {},
} as unknown as MergedRow;
const context: RowContext = {
  rows: new Map(),
  orgs: new Map([['org-LT-03', { id: 'org-LT-03', code: 'LT-03', name: { zh: '群巴克镇团委' } } as unknown as Org]]),
  rounds: new Map([['r1', { id: 'r1', period: '2026Q4' } as unknown as ReportingRound]]),
  entries: new Map([['e1', { id: 'e1', code: 'E-001', _clock: {} } as unknown as MergedRow]]),
  contests: new Map([['c1', contest]]),
};
const score = { contestId: 'c1', entryId: 'e1', judgeId: 'j1', points: { content: 8, language: 7 } };

async function shown(field: string, value: unknown, lang: 'zh-CN' | 'ug' = 'zh-CN', withContext = true): Promise<string> {
  const i18n = await createI18n(lang);
  render(
    <I18nextProvider i18n={i18n}>
      <span data-testid="value">
        <ConflictValue table="score" field={field} value={value} lang={lang} {...(withContext ? { context, row: score } : {})} />
      </span>
    </I18nextProvider>,
  );
  const text = (screen.getByTestId('value').textContent ?? '').replace(/[\u2066-\u2069]/g, '');
  cleanup();
  return text;
}

describe('a value that points at another row', () => {
  it('reads as that row in Chinese: contest title, entry code, judge name, points by criterion, organisation, period', async () => {
    expect(await shown('contestId', 'c1')).toBe('青春征文');
    expect(await shown('entryId', 'e1')).toBe('E-001');
    expect(await shown('judgeId', 'j1')).toBe('评委甲');
    expect(await shown('points', score.points)).toBe('内容 8，语言 7');
    expect(await shown('orgId', 'org-LT-03')).toBe('群巴克镇团委');
    expect(await shown('roundId', 'r1')).toMatch(/2026/);
  });

  it('an ethnic group stored as its code reads as the group, in the reader’s language', async () => {
    expect(await shown('ethnicity', '05')).toBe('维吾尔族');
    expect(await shown('ethnicity', '05', 'ug')).toBe('ئۇيغۇر');
    expect(await shown('ethnicity', '维吾尔族', 'ug')).toBe('ئۇيغۇر');
  });

  it('in Uyghur, by the Uyghur names', async () => {
    expect(await shown('contestId', 'c1', 'ug')).toBe('ياشلىق ماقالىسى');
    expect(await shown('points', score.points, 'ug')).toBe('مەزمۇنى 8، تىل 7');
  });

  it('falls back to the value itself where the row is not held here, or no rows are given', async () => {
    expect(await shown('contestId', 'gone')).toBe('gone');
    expect(await shown('contestId', 'c1', 'zh-CN', false)).toBe('c1');
  });
});
