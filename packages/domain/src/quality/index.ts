/** Total quality (issue 6): inspection plans, lab requests and results, nonconformances (see README.md). */
export * from './evaluate-result.ts';
export * from './inspection-plans.ts';
export * from './lab-decision.ts';
export * from './lab-requests.ts';
export * from './lab-results.ts';
export * from './limit-tables.ts';
export * from './lot-quality-status.ts';
export * from './nonconformances.ts';
export * from './parse-results-csv.ts';
export * from './raise-inspection.ts';
export * from './resolve-limits.ts';
export * from './sample-labels-pdf.ts';
