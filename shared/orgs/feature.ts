import type { FeatureModule } from '../feature/module';
import { orgsDemoWriteSpecs } from './demo';
import { ORG_TABLE } from './tables';

export const orgsFeature: FeatureModule = {
  name: 'orgs',
  tables: [ORG_TABLE],
  demo: orgsDemoWriteSpecs,
};
