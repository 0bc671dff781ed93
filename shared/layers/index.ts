export * from './types.ts';
export * from './registry.ts';
export * from './layer-data.ts';
