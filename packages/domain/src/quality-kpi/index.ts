/** quality-kpi: in-process coil quality from telemetry and quality KPIs (see README.md beside this file). */
export * from './coil-quality.ts';
