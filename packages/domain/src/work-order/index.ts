export * from './generate-work-orders.ts';
export * from './input-material.ts';
export * from './work-orders.ts';
