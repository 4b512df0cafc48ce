/** SPC (issue 6): pure charts, rules and capability, plus the spc_chart persistence and monitoring (see README.md). */

export * from './analyse-stored-chart.ts';
export * from './capability.ts';
export * from './characteristic-capability.ts';
export * from './chart-analysis.ts';
export * from './compute-spc-limits.ts';
export * from './control-charts.ts';
export * from './control-constants.ts';
export * from './control-constants-theory.ts';
export { createSpcChart } from './create-spc-chart.ts';
export * from './freeze-spc-limits.ts';
export * from './get-spc-chart.ts';
export * from './list-spc-charts.ts';
export * from './load-chart-subgroups.ts';
export * from './monitor-spc-charts.ts';
export * from './raise-spc-alarm.ts';
export * from './resolve-spec-limits.ts';
export * from './run-rules.ts';
export * from './seed-demo-spc.ts';
export * from './spc-chart-data.ts';
export * from './spc-chart-dto.ts';
export * from './spc-types.ts';
export * from './special-functions.ts';
export * from './stored-limits.ts';
export * from './update-spc-chart.ts';
