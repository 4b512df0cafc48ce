export * from './api.ts';
export * from './connectors.ts';
export * from './lots.ts';
export * from './orders.ts';
export * from './planning.ts';
export * from './telemetry.ts';
export * from './tenancy.ts';
export * from './workflows.ts';
