import { alarmSweep } from './alarm-fixtures.ts';
import { certificateSweep } from './certificate-fixtures.ts';
import { qualitySweep } from './quality-fixtures.ts';
import { qualityKpiSweep } from './quality-kpi-fixtures.ts';
import { spcSweep } from './spc-fixtures.ts';
import type { TSweepExtension } from './sweep-extension.ts';
import { telemetrySweep } from './telemetry-fixtures.ts';

/** Every domain's part of the API-wide sweeps. */
export const SWEEP_EXTENSIONS: readonly TSweepExtension[] = [
  telemetrySweep,
  alarmSweep,
  qualitySweep,
  spcSweep,
  certificateSweep,
  qualityKpiSweep,
];
