import { nowhere, refuse, roles } from '../trust/ruleParts';
import type { TableRule } from '../trust/rules';

/** The synced table of PC names (row id = device id): each PC names itself, whatever its role. */
export const DEVICE_RULE: TableRule = {
  may: roles('countyAdmin', 'townshipOfficer', 'judge', 'viewer'),
  place: nowhere,
  allow: (change) => (change.row === change.device ? undefined : refuse('not-own-device-row')),
};
