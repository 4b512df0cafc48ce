/** SPC (issue 6): pure charts, rules and capability, plus the spc_chart persistence and monitoring (see README.md). */
export * from './capability.ts';
export * from './chart-analysis.ts';
export * from './control-charts.ts';
export * from './control-constants.ts';
export * from './control-constants-theory.ts';
export * from './run-rules.ts';
export * from './spc-types.ts';
export * from './special-functions.ts';
