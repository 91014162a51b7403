/** The names of the stores trust keeps (schema version 10; their records: trustStore.ts). */
export const DEVICE_KEY_STORE = 'deviceKey';
export const TRUST_STORE = 'trust';
export const REFUSED_STORE = 'refused';
