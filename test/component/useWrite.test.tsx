import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { WriteSpec } from '../../shared/sync/write';
import { useWrite } from '../../renderer/src/app/useWrite';
import { allChanges } from '../../renderer/src/store/changeLog';
import { readAll } from '../unit/store/fakeDb';
import { renderInApp } from './renderInApp';

const county: WriteSpec = { table: 'org', row: 'o1', scope: 'LT', fields: { code: 'LT', name: { zh: '团县委' }, kind: 'county', parentId: null, archived: false } };
// A row the repository refuses: an org without its required fields.
const broken: WriteSpec = { table: 'org', row: 'o2', scope: 'LT', fields: { code: 'not a code' } };

function SaveButton({ writes, onWritten, stayOpen }: { writes: WriteSpec[]; onWritten(): void; stayOpen?: boolean }) {
  const { busy, write } = useWrite();
  return (
    <button disabled={busy} onClick={() => void write(writes, onWritten, { stayOpen })}>
      save
    </button>
  );
}

describe('the write step of a form', () => {
  it('writes, then runs what follows; a dialog that closes keeps its buttons disabled', async () => {
    const onWritten = vi.fn();
    const { store } = await renderInApp(<SaveButton writes={[county]} onWritten={onWritten} />);
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(onWritten).toHaveBeenCalledTimes(1));
    expect((await readAll(store.db, allChanges)).map((c) => c.row)).toEqual(['o1']);
    expect((screen.getByRole('button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a form that stays open takes input again', async () => {
    const onWritten = vi.fn();
    await renderInApp(<SaveButton writes={[county]} onWritten={onWritten} stayOpen />);
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(onWritten).toHaveBeenCalledTimes(1));
    expect((screen.getByRole('button') as HTMLButtonElement).disabled).toBe(false);
  });

  it('a refused write says why in the person\'s language, stores nothing, and lets them try again', async () => {
    const onWritten = vi.fn();
    const { store, notify } = await renderInApp(<SaveButton writes={[county, broken]} onWritten={onWritten} />);
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(notify).toHaveBeenCalledWith(expect.objectContaining({ severity: 'error', key: 'errors:store.rowInvalid' })));
    expect(onWritten).not.toHaveBeenCalled();
    expect(await readAll(store.db, allChanges)).toEqual([]);
    await waitFor(() => expect((screen.getByRole('button') as HTMLButtonElement).disabled).toBe(false));
  });
});
