import { generateDemoCounty } from '../demo/luntai';
import { DEMO_ACCOUNT, DEMO_CLOCK_START, DEMO_DEVICE } from '../demo/writer';
import { homeCounty } from '../orgs/home';
import type { BundleInput } from '../sync/bundle/encode';
import type { Change } from '../sync/change';
import { INITIAL_CLOCK } from '../sync/hlc';
import { makeChange } from '../sync/write';
import { APP_REGISTRY } from './registry';

/**
 * The demo county as a full bundle, the same on every PC and every run (shared/demo/writer.ts):
 * every feature's demo writes (APP_REGISTRY.demoWrites), stamped by the demo's PC.
 */
export function demoBundleInput(): BundleInput {
  const demo = generateDemoCounty();
  const county = homeCounty(demo.orgs);
  if (!county) throw new Error('the demo county has no county committee');
  const changes: Change[] = [];
  let clock = INITIAL_CLOCK;
  for (const spec of APP_REGISTRY.demoWrites(demo)) {
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
