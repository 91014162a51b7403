import type { FeatureModule } from '../feature/module';
import { jobsDemoWriteSpecs } from './demo';
import { JOBS_REPORT } from './reports';
import { NOTICE_TABLE, PLACEMENT_TABLE } from './tables';

export const jobsFeature: FeatureModule = {
  name: 'jobs',
  tables: [NOTICE_TABLE, PLACEMENT_TABLE],
  demo: jobsDemoWriteSpecs,
  reports: [JOBS_REPORT],
};
