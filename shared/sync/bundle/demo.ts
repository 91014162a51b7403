import { contestsDemoWriteSpecs } from '../../contests/demo';
import { generateDemoCounty, type DemoCounty } from '../../demo/luntai';
import { jobsDemoWriteSpecs } from '../../jobs/demo';
import type { Change } from '../change';
import { INITIAL_CLOCK } from '../hlc';
import { makeChange, type WriteSpec } from '../write';
import type { BundleInput } from './encode';

/**
 * The demo county as a full bundle, the same on every PC and every run: a fixed device id, a fixed
 * account and one fixed wall time (the clock counts up within it), so `league-desk demo --out`
 * writes a byte-identical file each time and two offices importing it hold identical stamps.
 */
export const DEMO_DEVICE = 'de00000000000001';
export const DEMO_ACCOUNT = 'demo';
export const DEMO_CLOCK_START = Date.parse('2026-01-25T00:00:00.000Z');

/** The writes that make up the demo county: organisations, the round, the reports, each its own scope. */
export function demoWriteSpecs(demo: DemoCounty): WriteSpec[] {
  const county = demo.orgs.find((o) => o.kind === 'county');
  if (!county) throw new Error('the demo county has no county committee');
  const codeOf = new Map(demo.orgs.map((o) => [o.id, o.code]));
  return [
    ...demo.orgs.map(({ id, ...fields }) => ({ table: 'org' as const, row: id, fields, scope: codeOf.get(id) ?? county.code })),
    ...demo.rounds.map(({ id, ...fields }) => ({ table: 'round' as const, row: id, fields, scope: county.code })),
    ...demo.reports.map(({ id, ...fields }) => ({ table: 'statReport' as const, row: id, fields, scope: codeOf.get(fields.orgId) ?? county.code })),
    ...jobsDemoWriteSpecs(demo),
    ...contestsDemoWriteSpecs(demo),
  ];
}

export function demoBundleInput(): BundleInput {
  const demo = generateDemoCounty();
  const county = demo.orgs.find((o) => o.kind === 'county');
  if (!county) throw new Error('the demo county has no county committee');
  const changes: Change[] = [];
  let clock = INITIAL_CLOCK;
  for (const spec of demoWriteSpecs(demo)) {
    // Every row is new, so there is no current row: each field's base is "nothing seen".
    const made = makeChange(spec, undefined, { device: DEMO_DEVICE, author: DEMO_ACCOUNT }, clock, DEMO_CLOCK_START);
    changes.push(made.change);
    clock = made.clock;
  }
  const last = changes.at(-1);
  return {
    county: { code: county.code, name: county.name },
    sender: { device: DEMO_DEVICE, account: DEMO_ACCOUNT, scope: county.code },
    kind: 'full',
    changes,
    vector: last ? { [DEMO_DEVICE]: last.hlc } : {},
    created: new Date(DEMO_CLOCK_START).toISOString(),
  };
}
