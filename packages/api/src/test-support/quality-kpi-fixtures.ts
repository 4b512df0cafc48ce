import type { TSweepExtension } from './sweep-extension.ts';

/** The qualityKpi.* procedures in the API-wide sweeps (see sweep-extension.ts). */
export const qualityKpiSweep: TSweepExtension = {
  name: 'qualityKpi',
  seed: async () => ({ a: {}, b: {} }),
  cases: () => [],
  badInputs: () => [],
};
