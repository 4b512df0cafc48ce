export * from './operation-minutes.ts';
export * from './routings.ts';
export * from './select-routing.ts';
