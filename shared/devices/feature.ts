import type { FeatureModule } from '../feature/module';
import { DEVICE_TABLE } from './tables';

export const devicesFeature: FeatureModule = {
  name: 'devices',
  tables: [DEVICE_TABLE],
};
