import type { FeatureModule } from '../feature/module';
import { contestsDemoWriteSpecs } from './demo';
import { CONTEST_RESULTS_REPORT } from './reports';
import { CONTEST_TABLE, ENTRY_TABLE, SCORE_TABLE } from './tables';

export const contestsFeature: FeatureModule = {
  name: 'contests',
  tables: [CONTEST_TABLE, ENTRY_TABLE, SCORE_TABLE],
  demo: contestsDemoWriteSpecs,
  reports: [CONTEST_RESULTS_REPORT],
};
