export * from './advance-order.ts';
export * from './find-operation-in-scope.ts';
export * from './finish-operation.ts';
export * from './get-operation.ts';
export * from './get-work-queue.ts';
export * from './report-operation.ts';
export * from './shop-floor-rules.ts';
export * from './start-operation.ts';
