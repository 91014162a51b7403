import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/bridge';
import zhMenu from '../../../locales/zh-CN/menu.json';
import { FOREIGN_SENDERS, createBridgeHarness, text } from './fakes';

const TARGET = '/home/officer/Documents/团青比例.pdf';

describe('bridge.printToPdf', () => {
  it('prints with backgrounds, the requested orientation and paper, and page numbers in the footer', async () => {
    const bridge = createBridgeHarness();

    await bridge.invoke(BRIDGE_CHANNELS.printToPdf, { suggestedName: '团青比例.pdf', landscape: true, pageSize: 'A3' });

    expect(bridge.printer.calls).toHaveLength(1);
    const options = bridge.printer.calls[0];
    expect(options).toMatchObject({ printBackground: true, landscape: true, pageSize: 'A3', displayHeaderFooter: true });
    expect(options?.footerTemplate).toContain('class="pageNumber"');
    expect(options?.footerTemplate).toContain('class="totalPages"');
    // Without an explicit header Chromium prints the date and the page title at the top.
    expect(options?.headerTemplate).toBeDefined();
    expect(options?.headerTemplate).not.toContain('class="date"');
  });

  it('prints portrait A4 unless asked otherwise', async () => {
    const bridge = createBridgeHarness();

    await bridge.invoke(BRIDGE_CHANNELS.printToPdf, { suggestedName: 'report.pdf' });

    expect(bridge.printer.calls[0]).toMatchObject({ landscape: false, pageSize: 'A4' });
  });

  it('saves the PDF through the save dialog and the temporary-file-then-rename path', async () => {
    const bridge = createBridgeHarness();
    bridge.dialogs.chooseSavePath(TARGET);

    const result = await bridge.invoke(BRIDGE_CHANNELS.printToPdf, { suggestedName: '团青比例.pdf' });

    expect(result).toEqual({ status: 'saved', path: TARGET, verified: true });
    expect(text(bridge.fs.files.get(TARGET))).toBe('%PDF-1.7 fake');
    expect(bridge.dialogs.saveOptions[0]?.filters).toEqual([{ name: zhMenu.fileTypes.pdf, extensions: ['pdf'] }]);
    expect(bridge.fs.calls[0]).toMatch(new RegExp(`^writeFile ${path.dirname(TARGET)}/\\.`));
    expect(bridge.fs.calls[1]).toMatch(/^rename .* -> \/home\/officer\/Documents\/团青比例\.pdf$/);
  });

  it('a cancelled save dialog is reported as cancelled', async () => {
    const bridge = createBridgeHarness();

    expect(await bridge.invoke(BRIDGE_CHANNELS.printToPdf, { suggestedName: 'r.pdf' })).toEqual({ status: 'cancelled' });
  });

  it('a printing failure is reported as print-failed without asking for a file name', async () => {
    const bridge = createBridgeHarness();
    bridge.printer.failure = new Error('Printing failed');
    bridge.dialogs.chooseSavePath(TARGET);

    const result = await bridge.invoke(BRIDGE_CHANNELS.printToPdf, { suggestedName: 'r.pdf' });

    expect(result).toEqual({ status: 'error', reason: 'print-failed' });
    expect(bridge.dialogs.saveOptions).toEqual([]);
  });

  it.each([
    ['a paper size outside A4/A3', { suggestedName: 'r.pdf', pageSize: 'Letter' }],
    ['landscape as text', { suggestedName: 'r.pdf', landscape: 'yes' }],
    ['a name with a folder', { suggestedName: 'reports/r.pdf' }],
    ['no request', undefined],
  ])('refuses %s as invalid-request without printing', async (_case, raw) => {
    const bridge = createBridgeHarness();

    expect(await bridge.invoke(BRIDGE_CHANNELS.printToPdf, raw)).toEqual({ status: 'error', reason: 'invalid-request' });
    expect(bridge.printer.calls).toEqual([]);
  });

  it.each(FOREIGN_SENDERS)('refuses %s as forbidden-sender without printing', async (_case, event) => {
    const bridge = createBridgeHarness();

    const result = await bridge.invokeAs(event, BRIDGE_CHANNELS.printToPdf, { suggestedName: 'r.pdf' });

    expect(result).toEqual({ status: 'error', reason: 'forbidden-sender' });
    expect(bridge.printer.calls).toEqual([]);
  });
});
