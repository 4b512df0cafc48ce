import type { TSweepExtension } from './sweep-extension.ts';

/** The telemetry.* procedures in the API-wide sweeps (see sweep-extension.ts). */
export const telemetrySweep: TSweepExtension = {
  name: 'telemetry',
  seed: async () => ({ a: {}, b: {} }),
  cases: () => [],
  badInputs: () => [],
};
