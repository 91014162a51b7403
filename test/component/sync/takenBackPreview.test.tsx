/**
 * An import that brings a revocation cutting changes this PC applied earlier says so before it is
 * applied, per PC, in both languages — and such an import is not "nothing new": it can be applied.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportPreview } from '../../../shared/sync/import';
import { ImportPreviewDialog } from '../../../renderer/src/features/sync/ImportPreviewDialog';
import type { ImportReview } from '../../../renderer/src/features/sync/syncService';
import { renderInApp } from '../renderInApp';

const LT03_PC = '00000000000000a3';
const text = (el: Element) => (el.textContent ?? '').replace(/[\u2066-\u2069]/g, '');

/** A county file whose changes are all held here, bringing LT-03's revocation: two changes taken back. */
const review: ImportReview = {
  files: [],
  preview: { received: 5, duplicatesInFile: 0, invalid: [], sameIdDifferentContent: [], alreadyApplied: 5, perTable: {}, conflicts: [], futureStamped: [], parked: 0, outsideScope: 0, notMadeHere: 0, refused: false } satisfies ImportPreview,
  trust: [{ device: LT03_PC, authorized: 0, unverified: 0, refused: {}, takenBack: { revoked: 2 } }],
};

describe('the import preview, when the import takes changes back', () => {
  it.each([
    ['zh-CN', '将撤回此前已导入的 2 条：这台电脑的证书已被撤销'],
    ['ug', 'ئىلگىرى كىرگۈزۈلگەن 2 ئۆزگەرتىش قايتۇرۇۋېلىنىدۇ: بۇ كومپيۇتېرنىڭ گۇۋاھنامىسى بىكار قىلىنغان'],
  ] as const)('names them on the writing PC’s row (%s), and the import can be applied', async (lang, expected) => {
    await renderInApp(<ImportPreviewDialog review={review} busy={false} restore={false} onCancel={vi.fn()} onApply={vi.fn()} />, { lang });
    const row = (await screen.findByTestId('preview-trust')).querySelector(`[data-device="${LT03_PC}"]`)!;
    expect(text(row.querySelector('[data-taken-back="revoked"]')!)).toBe(expected);
    expect(screen.queryByTestId('preview-already')).toBeNull();
    expect((screen.getByTestId('preview-apply') as HTMLButtonElement).disabled).toBe(false);
  }, 30_000);
});

describe('the import preview, when the file brings only trust records this PC lacks', () => {
  const onlyRecords: ImportReview = {
    files: [],
    preview: review.preview,
    trust: [],
    prepared: { home: undefined, material: { changes: [], seals: [], certificates: [], revocations: [], successions: [], checkpoints: [] } as never, carried: [], unheld: 3 },
  };

  it.each([
    ['zh-CN', '文件带来 3 条本机还没有的证书、吊销或签章等记录，导入后保存。'],
    ['ug', 'ھۆججەتتە بۇ كومپيۇتېردا يوق 3 خاتىرە (گۇۋاھنامە، بىكار قىلىش ياكى تامغا قاتارلىق) بار، كىرگۈزگەندىن كېيىن ساقلىنىدۇ.'],
  ] as const)('says so (%s) and can be applied — not "already imported"', async (lang, expected) => {
    await renderInApp(<ImportPreviewDialog review={onlyRecords} busy={false} restore={false} onCancel={vi.fn()} onApply={vi.fn()} />, { lang });
    expect(text(await screen.findByTestId('preview-trust-records'))).toBe(expected);
    expect(screen.queryByTestId('preview-already')).toBeNull();
    expect((screen.getByTestId('preview-apply') as HTMLButtonElement).disabled).toBe(false);
  }, 30_000);

  it('a file whose records are all held here is nothing new', async () => {
    await renderInApp(<ImportPreviewDialog review={{ ...onlyRecords, prepared: { ...onlyRecords.prepared!, unheld: 0 } }} busy={false} restore={false} onCancel={vi.fn()} onApply={vi.fn()} />);
    await screen.findByTestId('preview-already');
    expect(screen.queryByTestId('preview-trust-records')).toBeNull();
    expect((screen.getByTestId('preview-apply') as HTMLButtonElement).disabled).toBe(true);
  }, 30_000);
});
