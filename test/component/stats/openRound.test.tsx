import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReportingRound } from '../../../shared/domain/stats';
import { rowValues } from '../../../shared/sync/row';
import { RoundsPage } from '../../../renderer/src/features/stats/RoundsPage';
import { renderInApp } from '../renderInApp';
import { ROUND_TABLE } from '../../../shared/stats/tables';

async function openRoundWithFloor(floor: string | null): Promise<ReportingRound> {
  window.location.hash = '#/rounds';
  const { store } = await renderInApp(<RoundsPage />, { demo: true });
  fireEvent.click(await screen.findByTestId('open-round'));
  fireEvent.change(screen.getByTestId('round-deadline'), { target: { value: '2026-12-31' } });
  const floorInput = screen.getByTestId('round-change-floor') as HTMLInputElement;
  expect(floorInput.value).toBe('3');
  if (floor !== null) fireEvent.change(floorInput, { target: { value: floor } });
  fireEvent.click(screen.getByTestId('round-open-confirm'));
  await waitFor(async () => expect(await store.db.rows(ROUND_TABLE).count()).toBe(2));
  return (await store.db.rows(ROUND_TABLE).toArray()).map((r) => rowValues<ReportingRound>(r)).find((r) => !r.id.startsWith('demo-'))!;
}

describe('opening a round', () => {
  it('the county sets the change floor beside the percentage; the round keeps it', async () => {
    expect((await openRoundWithFloor('0')).changeFloor).toBe(0);
  }, 30_000);

  it('left at the default, the round is stored without the field, as older builds expect', async () => {
    expect(await openRoundWithFloor(null)).not.toHaveProperty('changeFloor');
  }, 30_000);

  it('a floor that is not a whole number of people cannot be saved', async () => {
    window.location.hash = '#/rounds';
    await renderInApp(<RoundsPage />, { demo: true });
    fireEvent.click(await screen.findByTestId('open-round'));
    fireEvent.change(screen.getByTestId('round-deadline'), { target: { value: '2026-12-31' } });
    fireEvent.change(screen.getByTestId('round-change-floor'), { target: { value: '2.5' } });
    expect((screen.getByTestId('round-open-confirm') as HTMLButtonElement).disabled).toBe(true);
  }, 30_000);
});
