import type { CoilBin, CoilSample } from './telemetry-store.ts';

/** One sample of a coil-id tag. */
export interface CoilIdSample {
  ts: number;
  text: string | null;
}

/** A run of one coil id: [startMs, endMs); endMs null while no other coil (or empty id) has followed. */
export interface CoilIdRun {
  coilId: string;
  startMs: number;
  endMs: number | null;
}

/**
 * Runs of consecutive samples naming the same coil. Connectors report a text tag on change (OPC UA
 * exception-based monitoring), and again after a reconnect, so a coil is usually ONE sample followed by the next
 * coil's sample: the run ends where another id (or an empty one: no coil) appears, not at its own last sample.
 */
export function coilRuns(samples: readonly CoilIdSample[]): CoilIdRun[] {
  const sorted = [...samples].sort((a, b) => a.ts - b.ts);
  const runs: CoilIdRun[] = [];
  let current: CoilIdRun | null = null;
  for (const s of sorted) {
    const id = s.text === null ? '' : s.text.trim();
    if (current && id === current.coilId) continue;
    if (current) current.endMs = s.ts;
    current = id === '' ? null : { coilId: id, startMs: s.ts, endMs: null };
    if (current) runs.push(current);
  }
  return runs;
}

/**
 * Bins of `binMetres` along the length, per tag: sample i falls in bin floor(lengthM / binMetres). Empty bins are
 * left out (the chart draws a gap). Samples must be of one coil.
 */
export function coilBins(samples: readonly CoilSample[], binMetres: number): CoilBin[] {
  const bins = new Map<string, CoilBin & { sum: number }>();
  for (const s of samples) {
    const index = Math.max(0, Math.floor(s.lengthM / binMetres));
    const key = `${s.tag}\u0000${index}`;
    const bin = bins.get(key);
    if (bin) {
      bin.min = Math.min(bin.min, s.value);
      bin.max = Math.max(bin.max, s.value);
      bin.sum += s.value;
      bin.count += 1;
    } else {
      bins.set(key, {
        tag: s.tag,
        fromM: index * binMetres,
        toM: (index + 1) * binMetres,
        min: s.value,
        max: s.value,
        avg: 0,
        sum: s.value,
        count: 1,
      });
    }
  }
  return [...bins.values()]
    .sort((a, b) => (a.tag === b.tag ? a.fromM - b.fromM : a.tag < b.tag ? -1 : 1))
    .map(({ sum, ...b }) => ({ ...b, avg: sum / b.count }));
}
