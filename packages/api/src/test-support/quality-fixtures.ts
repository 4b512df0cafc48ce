import type { TSweepExtension } from './sweep-extension.ts';

/** The quality.* procedures in the API-wide sweeps (see sweep-extension.ts). */
export const qualitySweep: TSweepExtension = {
  name: 'quality',
  seed: async () => ({ a: {}, b: {} }),
  cases: () => [],
  badInputs: () => [],
};
