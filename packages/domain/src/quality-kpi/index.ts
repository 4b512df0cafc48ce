/** quality-kpi: in-process coil quality from telemetry and quality KPIs (see README.md beside this file). */
export * from './coil-quality.ts';
export * from './coil-tolerance.ts';
export * from './pareto.ts';
export * from './quality-kpis.ts';
export * from './shift-of-minute.ts';
