export * from './alloys.ts';
export * from './customers.ts';
export * from './product-specs.ts';
export * from './tempers.ts';
export * from './thickness-tolerance.ts';
