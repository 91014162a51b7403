/** The synced table of PC names (added to SYNCED_TABLES in sync/change.ts). */
export const DEVICE_TABLES = ['device'] as const;
export type DeviceTable = (typeof DEVICE_TABLES)[number];
