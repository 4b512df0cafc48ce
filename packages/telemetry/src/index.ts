export * from './telemetry-store.ts';
