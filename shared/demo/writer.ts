/**
 * Who wrote the demo county: a fixed device id, a fixed account and one fixed wall time (the clock
 * counts up within it), so `league-desk demo --out` writes a byte-identical file each time and two
 * offices importing it hold identical stamps. The demo county's trust records name the same PC
 * (shared/trust/demo.ts).
 */
export const DEMO_DEVICE = 'de00000000000001';
export const DEMO_ACCOUNT = 'demo';
export const DEMO_CLOCK_START = Date.parse('2026-01-25T00:00:00.000Z');
