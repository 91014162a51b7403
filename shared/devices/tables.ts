import type { FeatureTable } from '../feature/module';
import { deviceRowSchema } from './names';
import { DEVICE_RULE } from './rules';

/** PC names: row id = device id, written by each PC about itself (names.ts). */
export const DEVICE_TABLE: FeatureTable = { name: 'device', row: deviceRowSchema, indexes: { 8: 'id' }, rule: DEVICE_RULE };
