export * from './protocol';
export * from './errors';
export * from './design';
export * from './local';
export * from './client';
export * from './setup';
export * from './fetchTransport';
export { toBase64, fromBase64 } from './base64';
