import type { FeatureModule } from '../feature/module';
import { statsDemoWriteSpecs } from './demo';
import { ROUND_TABLE, STAT_REPORT_TABLE, TARGET_TABLE } from './tables';

export const statsFeature: FeatureModule = {
  name: 'stats',
  tables: [ROUND_TABLE, STAT_REPORT_TABLE, TARGET_TABLE],
  demo: statsDemoWriteSpecs,
};
