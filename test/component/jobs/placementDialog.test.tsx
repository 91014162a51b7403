import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { JobsData } from '../../../renderer/src/features/jobs/useJobsData';
import { PlacementDialog } from '../../../renderer/src/features/jobs/PlacementDialog';
import { buildNoticeSearchIndex } from '../../../shared/jobs/search';
import type { Placement } from '../../../shared/jobs/rows';
import { rowValues } from '../../../shared/sync/row';
import { notice, placement } from '../../unit/jobs/fixtures';
import { renderInApp } from '../renderInApp';

const theNotice = notice({ townshipId: null });
const data: JobsData = {
  notices: [theNotice],
  placements: [],
  orgs: [],
  county: undefined,
  townships: [],
  noticeById: new Map([[theNotice.id, theNotice]]),
  placementsByNotice: new Map(),
  townshipName: () => undefined,
  index: buildNoticeSearchIndex([theNotice], () => undefined),
};

async function open(lang: 'zh-CN' | 'ug', existing?: Placement) {
  const onClose = vi.fn();
  const rendered = await renderInApp(<PlacementDialog data={data} notice={theNotice} {...(existing ? { placement: existing } : {})} onClose={onClose} />, { lang });
  if (existing) {
    // The row as an earlier save (or an older build) left it.
    const { id, ...fields } = existing;
    await rendered.store.repo.write([{ table: 'placement', row: id, fields, scope: 'LT' }]);
  }
  return { ...rendered, onClose, input: screen.getByTestId('placement-ethnicity') as HTMLInputElement };
}

const storedEthnicity = async (store: Awaited<ReturnType<typeof open>>['store'], id: string) => rowValues<Placement>(await store.db.table('placement').get(id)).ethnicity;

describe('the placement dialog’s ethnicity picker', () => {
  it('finds a group typed in Uyghur Latin letters and stores its code', async () => {
    const existing = placement({ id: 'p-new', townshipId: null });
    const { store, onClose, input } = await open('ug', existing);
    input.focus();
    fireEvent.change(input, { target: { value: 'qazaq' } });
    const options = await screen.findAllByRole('option');
    expect(options[0]!.textContent).toContain('قازاق');
    expect(options[0]!.textContent).toContain('哈萨克族');
    fireEvent.click(options[0]!);
    expect(input.value).toBe('قازاق');
    fireEvent.click(screen.getByTestId('placement-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await storedEthnicity(store, 'p-new')).toBe('17');
  }, 20_000);

  it('finds a group by pinyin initials in Chinese and lists every group for an empty query', async () => {
    const { input } = await open('zh-CN');
    input.focus();
    fireEvent.mouseDown(input);
    expect((await screen.findAllByRole('option')).length).toBe(58);
    fireEvent.change(input, { target: { value: 'wwe' } });
    await waitFor(() => expect(screen.getAllByRole('option')[0]!.textContent).toContain('维吾尔族'));
  }, 20_000);

  it('shows a name an older build stored as its group, in the reader’s language, and saves it as the code', async () => {
    const existing = placement({ id: 'p-old', ethnicity: '维吾尔族', townshipId: null });
    const { store, onClose, input } = await open('ug', existing);
    expect(input.value).toBe('ئۇيغۇر');
    fireEvent.change(screen.getByTestId('placement-age'), { target: { value: '23' } });
    fireEvent.click(screen.getByTestId('placement-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await storedEthnicity(store, 'p-old')).toBe('05');
  }, 20_000);

  it('shows text no group is known by as written, marked, and keeps it unless another group is picked', async () => {
    const existing = placement({ id: 'p-text', ethnicity: '维族', townshipId: null });
    const { input } = await open('zh-CN', existing);
    expect(input.value).toBe('维族（原文，不在民族代码表中）');
    expect(screen.getAllByText('维族（原文，不在民族代码表中）').length).toBeGreaterThan(0);
  }, 20_000);
});
