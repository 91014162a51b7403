import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { JobsData } from '../../../renderer/src/features/jobs/useJobsData';
import { NoticeFormDialog } from '../../../renderer/src/features/jobs/NoticeFormDialog';
import type { Org } from '../../../shared/domain/org';
import { buildNoticeSearchIndex } from '../../../shared/jobs/search';
import type { Notice } from '../../../shared/jobs/rows';
import { rowValues } from '../../../shared/sync/row';
import { notice } from '../../unit/jobs/fixtures';
import { renderInApp } from '../renderInApp';

const town: Org = { id: 't1', code: 'LT-01', name: { zh: '轮台镇团委', ug: 'بۈگۈر بازارلىق ئىتتىپاق كومىتېتى' }, kind: 'township', parentId: null, archived: false };

function dataWith(notices: Notice[]): JobsData {
  return {
    notices,
    placements: [],
    orgs: [town],
    county: undefined,
    townships: [town],
    noticeById: new Map(notices.map((n) => [n.id, n])),
    placementsByNotice: new Map(),
    townshipName: (id) => (id === town.id ? town.name : undefined),
    index: buildNoticeSearchIndex(notices, () => undefined),
  };
}

describe('the notice form', () => {
  it('takes place and contact in both languages, and an older build’s one-string notice opens with them as the Chinese side', async () => {
    const old = notice({ id: 'n-old', place: '人民路 8 号', contactName: '王丽', townshipId: null });
    const onSaved = vi.fn();
    const { store } = await renderInApp(<NoticeFormDialog data={dataWith([old])} notice={old} onClose={vi.fn()} onSaved={onSaved} />, { lang: 'ug' });
    const { id, ...fields } = old;
    await store.repo.write([{ table: 'notice', row: id, fields, scope: 'LT' }]);
    expect((screen.getByTestId('notice-place-zh') as HTMLInputElement).value).toBe('人民路 8 号');
    expect((screen.getByTestId('notice-contact-name') as HTMLInputElement).value).toBe('王丽');
    expect((screen.getByTestId('notice-place-ug') as HTMLInputElement).value).toBe('');
    // The Uyghur sides are typed right to left.
    expect(screen.getByTestId('notice-place-ug').getAttribute('dir')).toBe('rtl');
    fireEvent.change(screen.getByTestId('notice-place-ug'), { target: { value: 'خەلق يولى 8-نومۇر' } });
    fireEvent.change(screen.getByTestId('notice-contact-name-ug'), { target: { value: 'ۋاڭ لى' } });
    fireEvent.click(screen.getByTestId('notice-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('n-old'));
    const row = rowValues<Notice>(await store.db.table('notice').get('n-old'));
    expect(row).toMatchObject({ place: '人民路 8 号', placeUg: 'خەلق يولى 8-نومۇر', contactName: '王丽', contactNameUg: 'ۋاڭ لى' });
  }, 20_000);

  it('lists towns and townships by place name, not by their league committee', async () => {
    await renderInApp(<NoticeFormDialog data={dataWith([])} onClose={vi.fn()} onSaved={vi.fn()} />, { lang: 'zh-CN' });
    fireEvent.mouseDown(screen.getByTestId('notice-township').parentElement!.querySelector('[role="combobox"]')!);
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toContain('轮台镇');
    expect(options.some((o) => o?.includes('团委'))).toBe(false);
    expect(options).toContain('县城 / 全县 / 其他');
  }, 20_000);

  it('a contact in Uyghur only is enough; none at all is refused on the field', async () => {
    await renderInApp(<NoticeFormDialog data={dataWith([])} onClose={vi.fn()} onSaved={vi.fn()} />, { lang: 'zh-CN' });
    fireEvent.change(screen.getByTestId('notice-title-zh'), { target: { value: '收银员' } });
    fireEvent.change(screen.getByTestId('notice-employer-zh'), { target: { value: '幸福超市' } });
    fireEvent.change(screen.getByTestId('notice-contact-phone'), { target: { value: '0996-4621234' } });
    fireEvent.click(screen.getByTestId('notice-save'));
    await screen.findByText('请填写联系人。');
    fireEvent.change(screen.getByTestId('notice-contact-name-ug'), { target: { value: 'ۋاڭ لى' } });
    await waitFor(() => expect(screen.queryByText('请填写联系人。')).toBeNull());
  }, 20_000);
});
