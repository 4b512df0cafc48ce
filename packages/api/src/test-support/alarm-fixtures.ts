import type { TSweepExtension } from './sweep-extension.ts';

/** The alarm.* procedures in the API-wide sweeps (see sweep-extension.ts). */
export const alarmSweep: TSweepExtension = {
  name: 'alarm',
  seed: async () => ({ a: {}, b: {} }),
  cases: () => [],
  badInputs: () => [],
};
