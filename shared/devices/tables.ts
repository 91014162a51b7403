import type { FeatureTable } from '../feature/module';
import { deviceRowSchema } from './names';

/** PC names: row id = device id, written by each PC about itself (names.ts). */
export const DEVICE_TABLE: FeatureTable = { name: 'device', row: deviceRowSchema, indexes: { 8: 'id' } };
