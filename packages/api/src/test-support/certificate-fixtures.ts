import type { TSweepExtension } from './sweep-extension.ts';

/** The certificate.* procedures in the API-wide sweeps (see sweep-extension.ts). */
export const certificateSweep: TSweepExtension = {
  name: 'certificate',
  seed: async () => ({ a: {}, b: {} }),
  cases: () => [],
  badInputs: () => [],
};
