import type { DemoCounty } from '../demo/luntai';
import type { WriteSpec } from '../sync/write';

/** The demo county's judged contest, as writes (appended to demoWriteSpecs). */
export function contestsDemoWriteSpecs(_demo: DemoCounty): WriteSpec[] {
  return [];
}
