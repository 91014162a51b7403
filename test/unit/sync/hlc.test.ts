import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp, HLC_PATTERN, INITIAL_CLOCK, newDeviceId, parseStamp, receive, tick, type ClockState } from '../../../shared/sync/hlc';

const DEVICE = '0123456789abcdef';

describe('hybrid logical clock', () => {
  it('stamps sort as text in the order of wall time, then counter, then device', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 4102444800000 }), fc.integer({ min: 0, max: 0xffff }), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 })),
        fc.tuple(fc.integer({ min: 0, max: 4102444800000 }), fc.integer({ min: 0, max: 0xffff }), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 })),
        ([w1, c1, d1], [w2, c2, d2]) => {
          const a = formatStamp(w1, c1, d1.toLowerCase());
          const b = formatStamp(w2, c2, d2.toLowerCase());
          const byParts = w1 !== w2 ? Math.sign(w1 - w2) : c1 !== c2 ? Math.sign(c1 - c2) : d1.toLowerCase() < d2.toLowerCase() ? -1 : d1.toLowerCase() > d2.toLowerCase() ? 1 : 0;
          expect(Math.sign(a < b ? -1 : a > b ? 1 : 0)).toBe(byParts);
        },
      ),
    );
  });

  it('every local stamp is greater than the one before, whatever the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4102444800000 }), { minLength: 1, maxLength: 200 }), (nows) => {
        let state: ClockState = INITIAL_CLOCK;
        let last = '';
        for (const now of nows) {
          const next = tick(state, now, DEVICE);
          expect(next.stamp > last).toBe(true);
          expect(next.stamp).toMatch(HLC_PATTERN);
          last = next.stamp;
          state = next.state;
        }
      }),
    );
  });

  it('never refuses a local write, even past 65,535 writes in one millisecond', () => {
    let state: ClockState = { wall: 1_000, counter: 0xfffe };
    const a = tick(state, 1_000, DEVICE);
    state = a.state;
    const b = tick(state, 1_000, DEVICE);
    expect(b.stamp > a.stamp).toBe(true);
    expect(parseStamp(b.stamp).wall).toBe(1_001);
  });

  it('after receiving a stamp from a PC whose clock is ahead, the next local stamp sorts after it', () => {
    const remote = formatStamp(Date.UTC(2030, 0, 1), 7, 'ffffffffffffffff');
    const state = receive(INITIAL_CLOCK, remote);
    const local = tick(state, Date.UTC(2026, 10, 22), DEVICE);
    expect(local.stamp > remote).toBe(true);
  });

  it('parses what it formats', () => {
    const stamp = formatStamp(Date.UTC(2026, 10, 22, 4, 37, 52, 123), 0x2a, DEVICE);
    expect(stamp).toBe('2026-11-22T04:37:52.123Z-002a-0123456789abcdef');
    expect(parseStamp(stamp)).toEqual({ wall: Date.UTC(2026, 10, 22, 4, 37, 52, 123), counter: 42, device: DEVICE });
    expect(() => parseStamp('yesterday')).toThrow();
  });

  it('makes 16-hex-digit device ids that differ', () => {
    const ids = new Set(Array.from({ length: 100 }, newDeviceId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});
