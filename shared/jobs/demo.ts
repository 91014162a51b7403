import type { DemoCounty } from '../demo/luntai';
import type { WriteSpec } from '../sync/write';

/** The demo county's year of job notices and placements, as writes (appended to demoWriteSpecs). */
export function jobsDemoWriteSpecs(_demo: DemoCounty): WriteSpec[] {
  return [];
}
