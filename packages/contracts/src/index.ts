export * from './api.ts';
export * from './telemetry.ts';
export * from './tenancy.ts';
export * from './workflows.ts';
