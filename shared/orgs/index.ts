export * from './codes';
export * from './kinds';
export * from './reasons';
export * from './tree';
export * from './validate';
export * from './writes';
