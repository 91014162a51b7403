import type { BridgeErrorCode } from '../../shared/bridge';

const NO_PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Turns a Node fs error into a reason the renderer can explain. A full or write-protected USB drive
 * is the common case in the field, so those get their own codes; everything else is the generic
 * failure for the direction of the operation.
 */
export function reasonForFsError(error: unknown, direction: 'write' | 'read'): BridgeErrorCode {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOSPC') return 'disk-full';
  // Windows reports a file held open by Excel or WPS as EBUSY (sharing violation).
  if (code === 'EBUSY') return 'file-in-use';
  if (typeof code === 'string' && NO_PERMISSION_CODES.has(code)) return 'no-permission';
  return direction === 'write' ? 'write-failed' : 'read-failed';
}
