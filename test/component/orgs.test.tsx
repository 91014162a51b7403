import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../shared/domain/org';
import { rowValues } from '../../shared/sync/row';
import { OrgsPage } from '../../renderer/src/features/orgs/OrgsPage';
import { renderInApp } from './renderInApp';
import { ORG_TABLE } from '../../shared/orgs/tables';


/** OrgsPage on its own, framed as the app frames it. */
async function renderOrgs({ lang = 'zh-CN', demo = true }: { lang?: 'zh-CN' | 'ug'; demo?: boolean } = {}) {
  const { store, notify, i18n } = await renderInApp(<OrgsPage />, { lang, demo });
  const orgs = async () => (await store.db.rows(ORG_TABLE).toArray()).map((r) => rowValues<Org>(r));
  return { store, notify, orgs, i18n };
}

const search = (text: string) => fireEvent.change(screen.getByTestId('org-search'), { target: { value: text } });
const resultCodes = () => screen.queryAllByTestId('org-result').map((el) => el.getAttribute('data-code'));

describe('the organisation tree page', () => {
  it('filters as you type: pinyin initials, Chinese, code, and Uyghur in presentation forms', async () => {
    await renderOrgs();
    await screen.findByTestId('org-tree');
    search('l');
    await waitFor(() => expect(resultCodes()).toContain('LT-01'));
    search('lt');
    await waitFor(() => expect(resultCodes().slice(0, 2)).toEqual(['LT', 'LT-01']));
    search('lnz');
    await waitFor(() => expect(resultCodes()[0]).toBe('LT-02'));
    expect(screen.getAllByTestId('org-result')[0]!.textContent).toContain('轮南镇团委');
    search('LT-03-01');
    await waitFor(() => expect(resultCodes()).toEqual(Array.from({ length: 10 }, (_, i) => `LT-03-01${i}`)));
    search('ﺑﯜﮔﯜﺭ');
    await waitFor(() => expect(resultCodes()).toEqual(['LT']));
    search('qqqq');
    await waitFor(() => expect(screen.getByTestId('org-results-count').textContent).toBe('没有找到匹配的组织。'));
    search('');
    await screen.findByTestId('org-tree');
  });

  it('creates a branch under a township, with both names, the suggested code and a phone number', async () => {
    const { orgs, notify } = await renderOrgs();
    await screen.findByTestId('org-tree');
    search('ltz');
    fireEvent.click((await screen.findAllByTestId('org-result'))[0]!);
    await waitFor(() => expect(screen.getByTestId('org-details').getAttribute('data-code')).toBe('LT-01'));
    fireEvent.click(screen.getByTestId('org-create-child'));
    const form = await screen.findByTestId('org-form');
    const before = (await orgs()).filter((o) => o.parentId === 'demo-LT-01').length;
    expect((screen.getByTestId('org-code') as HTMLInputElement).value).toBe(`LT-01-${String(before + 1).padStart(3, '0')}`);
    expect(screen.getByTestId('org-name-ug').getAttribute('dir')).toBe('rtl');

    // Nothing typed yet: the form says what is missing and writes nothing.
    fireEvent.click(within(form).getByTestId('org-save'));
    await within(form).findByText('请至少填写中文名称或维吾尔文名称中的一个。');
    fireEvent.change(screen.getByTestId('org-name-zh'), { target: { value: '轮台镇新区团支部' } });
    fireEvent.change(screen.getByTestId('org-name-ug'), { target: { value: 'يېڭى رايون ئىتتىپاق ياچېيكىسى' } });
    fireEvent.change(screen.getByTestId('org-secretary-phone'), { target: { value: '1380013' } });
    await within(form).findByText(/电话号码不对/);
    fireEvent.change(screen.getByTestId('org-secretary-phone'), { target: { value: '13800138000' } });
    fireEvent.click(within(form).getByTestId('org-save'));
    await waitFor(() => expect(screen.queryByTestId('org-form')).toBeNull());

    const created = (await orgs()).find((o) => o.name.zh === '轮台镇新区团支部')!;
    expect(created).toMatchObject({ parentId: 'demo-LT-01', kind: 'branch', archived: false, secretaryPhone: '13800138000', name: { ug: 'يېڭى رايون ئىتتىپاق ياچېيكىسى' } });
    expect(notify).toHaveBeenCalledWith({ severity: 'success', key: 'orgs:done.created', values: { name: '轮台镇新区团支部' } });
    await waitFor(() => expect(screen.getByTestId('org-details').getAttribute('data-code')).toBe(created.code));
    expect(document.querySelector(`[role="treeitem"][data-code="${created.code}"]`)).not.toBeNull();
  });

  it('archives a township with its branches, hides them, and undoes it exactly', async () => {
    const { orgs } = await renderOrgs();
    fireEvent.click(await screen.findByText('轮南镇团委'));
    fireEvent.click(screen.getByTestId('org-archive'));
    const count = (await orgs()).filter((o) => o.code.startsWith('LT-02')).length;
    expect((await screen.findByTestId('org-archive-dialog')).textContent).toContain(`将归档 ${count} 个组织`);
    fireEvent.click(screen.getByTestId('org-archive-confirm'));
    await screen.findByTestId('org-archived-message');
    await waitFor(async () => expect((await orgs()).filter((o) => o.archived)).toHaveLength(count));
    expect(document.querySelector('[role="treeitem"][data-code="LT-02"]')).toBeNull();
    fireEvent.click(screen.getByTestId('show-archived').querySelector('input')!);
    await waitFor(() => expect(document.querySelector('[role="treeitem"][data-code="LT-02"]')?.getAttribute('data-archived')).toBe('true'));
    fireEvent.click(screen.getByTestId('org-undo-archive'));
    await waitFor(async () => expect((await orgs()).filter((o) => o.archived)).toHaveLength(0));
  });

  it('moves through the tree with the keyboard, mirrored in Uyghur', async () => {
    await renderOrgs({ lang: 'ug' });
    const county = await screen.findByRole('treeitem', { expanded: true });
    expect(county.getAttribute('data-code')).toBe('LT');
    act(() => county.focus());
    fireEvent.keyDown(county, { key: 'ArrowDown' });
    const luntai = document.querySelector<HTMLElement>('[data-code="LT-01"]')!;
    await waitFor(() => expect(document.activeElement).toBe(luntai));
    expect(luntai.getAttribute('aria-expanded')).toBe('false');
    // Right to left: the arrow pointing along the reading direction (Left) opens.
    fireEvent.keyDown(luntai, { key: 'ArrowLeft' });
    await waitFor(() => expect(luntai.getAttribute('aria-expanded')).toBe('true'));
    fireEvent.keyDown(luntai, { key: 'ArrowLeft' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-code')).toBe('LT-01-001'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement).toBe(luntai));
    fireEvent.keyDown(luntai, { key: 'ArrowRight' });
    await waitFor(() => expect(luntai.getAttribute('aria-expanded')).toBe('false'));
    fireEvent.keyDown(luntai, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('org-details').getAttribute('data-code')).toBe('LT-01'));
    expect(luntai.getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByRole('treeitem').filter((el) => el.tabIndex === 0)).toEqual([luntai]);
    fireEvent.keyDown(luntai, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-code')).toBe('LT-17'));
  });

  it('points to the demo and to importing when there is no tree, and can start with the county', async () => {
    const { orgs } = await renderOrgs({ demo: false });
    await screen.findByTestId('orgs-empty');
    expect(screen.getByTestId('orgs-empty-overview').getAttribute('href')).toBe('#/overview');
    expect(screen.getByTestId('orgs-empty-sync').getAttribute('href')).toBe('#/sync');
    fireEvent.click(screen.getByTestId('orgs-create-county'));
    await screen.findByTestId('org-form');
    fireEvent.change(screen.getByTestId('org-name-zh'), { target: { value: '共青团轮台县委员会' } });
    fireEvent.change(screen.getByTestId('org-code'), { target: { value: 'lt' } });
    fireEvent.click(screen.getByTestId('org-save'));
    await screen.findByTestId('org-tree');
    expect(await orgs()).toMatchObject([{ code: 'LT', kind: 'county', parentId: null }]);
  });
});
