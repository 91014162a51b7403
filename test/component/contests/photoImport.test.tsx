import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Bridge, PickResult, ReadPickedResult } from '../../../shared/bridge';
import { rankContest } from '../../../shared/contests/scoring';
import { EntryFormDialog } from '../../../renderer/src/features/contests/EntryFormDialog';
import type { PhotoJob, PhotoJobResult } from '../../../renderer/src/features/contests/photoWorker';
import type { ContestData } from '../../../renderer/src/features/contests/useContestData';
import { blobTable, sha256Hex } from '../../../renderer/src/store/blobs';
import { contest } from '../../unit/contests/fixtures';
import { renderInApp } from '../renderInApp';

// jsdom has no Worker: the import runs as in the app, with a stand-in for photoWorker.ts.
vi.mock('../../../renderer/src/features/contests/photoImport', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../renderer/src/features/contests/photoImport')>();
  class FakeWorker {
    onmessage: ((event: MessageEvent<PhotoJobResult>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    postMessage(job: PhotoJob) {
      void (async () => {
        const original = await sha256Hex(new Uint8Array(job.bytes));
        const display = new TextEncoder().encode(`display ${original}`);
        const thumb = new TextEncoder().encode(`thumb ${original}`);
        this.onmessage?.({
          data: { id: job.id, ok: true, original, display: display.buffer, displayHash: await sha256Hex(display), thumb: thumb.buffer, thumbHash: await sha256Hex(thumb), width: 10, height: 10, dhash: '0'.repeat(16) },
        } as MessageEvent<PhotoJobResult>);
      })();
    }
    terminate() {}
  }
  return {
    ...actual,
    importPhotos: ((store, files, taken, onProgress) => actual.importPhotos(store, files, taken, onProgress, { workers: 2, createWorker: () => new FakeWorker() })) as typeof actual.importPhotos,
  };
});

const jpeg = (label: string) => new Uint8Array([0xff, 0xd8, ...new TextEncoder().encode(label)]);

async function renderDialog(bridge: Partial<Bridge>) {
  const photoContest = contest({ kind: 'photo' });
  const data: ContestData = { contest: photoContest, entries: [], scores: [], problems: new Map(), ranking: rankContest(photoContest, [], [], new Map()), orgs: [], county: undefined, townships: [] };
  const { store, notify } = await renderInApp(<EntryFormDialog data={data} scope="LT" onClose={vi.fn()} />, { bridge });
  return { store, notify };
}

describe('adding photos to an entry', () => {
  it('picks files, reads them one at a time through the bridge, and says which could not be read and why', async () => {
    const reads: string[] = [];
    const bridge: Partial<Bridge> = {
      openFiles: vi.fn(),
      pickFiles: vi.fn(async (): Promise<PickResult> => ({
        status: 'picked',
        files: [
          { token: 'token-a-xxxxxxxxxxxx', name: 'a.jpg', size: 5 },
          { token: 'token-gone-xxxxxxxxx', name: '消失.jpg', size: 5 },
          { token: 'token-b-xxxxxxxxxxxx', name: 'b.jpg', size: 5 },
        ],
      })),
      readPickedFile: vi.fn(async (token: string): Promise<ReadPickedResult> => {
        reads.push(token);
        return token === 'token-gone-xxxxxxxxx' ? { status: 'error', reason: 'file-missing' } : { status: 'read', data: jpeg(token) };
      }),
    };
    const { store } = await renderDialog(bridge);

    fireEvent.click(screen.getByTestId('entry-add-photos'));

    const notes = await screen.findByTestId('photo-notes', {}, { timeout: 5000 });
    expect(notes.textContent).toContain('消失.jpg 没有导入：文件已不在原处');
    await waitFor(() => expect(screen.getAllByTestId('photo-thumb').length).toBe(2));
    expect(bridge.openFiles).not.toHaveBeenCalled();
    expect(bridge.pickFiles).toHaveBeenCalledWith({ multiple: true, filters: [{ nameKey: 'images', extensions: ['jpg', 'jpeg', 'png'] }] });
    expect(reads.sort()).toEqual(['token-a-xxxxxxxxxxxx', 'token-b-xxxxxxxxxxxx', 'token-gone-xxxxxxxxx']);
    expect(await blobTable(store.db).count()).toBe(4);
  });

  it('a refused pick (a file over the limit) is explained and imports nothing', async () => {
    const bridge: Partial<Bridge> = {
      openFiles: vi.fn(),
      pickFiles: vi.fn(async (): Promise<PickResult> => ({ status: 'error', reason: 'file-too-large' })),
      readPickedFile: vi.fn(),
    };
    const { notify } = await renderDialog(bridge);

    fireEvent.click(screen.getByTestId('entry-add-photos'));

    await waitFor(() => expect(notify).toHaveBeenCalledWith({ severity: 'error', key: 'errors:bridge.file-too-large' }));
    expect(bridge.readPickedFile).not.toHaveBeenCalled();
    expect(screen.queryByTestId('photo-progress')).toBeNull();
  });

  it('a shell without pickFiles still imports through openFiles', async () => {
    const bridge: Partial<Bridge> = {
      openFiles: vi.fn(async () => ({ status: 'opened' as const, files: [{ name: 'a.jpg', data: jpeg('a') }] })),
    };
    await renderDialog(bridge);

    fireEvent.click(screen.getByTestId('entry-add-photos'));

    await waitFor(() => expect(screen.getAllByTestId('photo-thumb').length).toBe(1));
  });
});
