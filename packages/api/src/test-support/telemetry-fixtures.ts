import type { TSweepExtension } from './sweep-extension.ts';

const HOUR = 3_600_000;

/**
 * The telemetry.* procedures in the API-wide sweeps (see sweep-extension.ts). They read PostgreSQL only for the
 * plant and its equipment (the values live in the telemetry store, which the sweeps' callers do not have), so the
 * cases aim A's admin at B's plant: NOT_FOUND before the store is ever asked. Answers for A's own plant, with a
 * real store, are in telemetry-api.integration.test.ts.
 */
export const telemetrySweep: TSweepExtension = {
  name: 'telemetry',
  seed: async () => ({ a: {}, b: {} }),
  cases: (_a, b) => {
    const to = new Date('2026-11-29T12:00:00Z');
    const from = new Date(to.getTime() - HOUR);
    return [
      { path: 'telemetry.live', input: { plantId: b.plant }, expect: 'reject' },
      { path: 'telemetry.tags', input: { plantId: b.plant }, expect: 'reject' },
      {
        path: 'telemetry.series',
        input: {
          plantId: b.plant,
          series: [{ equipment: 'CM-1', tag: 'exit_thickness' }],
          from,
          to,
          widthPx: 600,
        },
        expect: 'reject',
      },
    ];
  },
  badInputs: ({ plant }) => {
    const to = new Date('2026-11-29T12:00:00Z');
    const ok = { plantId: plant, series: [{ equipment: 'CM-1', tag: 'exit_thickness' }], widthPx: 600 };
    return [
      { path: 'telemetry.live', input: { plantId: 'not-a-uuid' }, field: 'plantId' },
      { path: 'telemetry.tags', input: { plantId: 42 }, field: 'plantId' },
      // 91 days: past the longest trend.
      {
        path: 'telemetry.series',
        input: { ...ok, from: new Date(to.getTime() - 91 * 24 * HOUR), to },
        field: 'to',
      },
    ];
  },
};
