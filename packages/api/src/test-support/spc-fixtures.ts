import type { TSweepExtension } from './sweep-extension.ts';

/** The spc.* procedures in the API-wide sweeps (see sweep-extension.ts). */
export const spcSweep: TSweepExtension = {
  name: 'spc',
  seed: async () => ({ a: {}, b: {} }),
  cases: () => [],
  badInputs: () => [],
};
