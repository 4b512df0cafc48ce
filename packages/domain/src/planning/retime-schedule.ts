import { compileInstance } from '../scheduling/compile-instance.ts';
import { ScheduleDecoder, scheduleFromDecoder } from '../scheduling/decode-schedule.ts';
import type { Schedule, SchedulingInstance } from '../scheduling/model.ts';

export interface TRetimeResult {
  /** Null when the machine orders contradict the routes (a cycle). */
  schedule: Schedule | null;
  lockViolation: number;
}

/**
 * Re-times a plan after an edit without re-optimising it: every machine keeps the order its operations had in
 * `previous` (by start), fixed operations (locks with a start, the frozen horizon) stay where they are, and
 * every other operation starts as early as its route, its machine's order, setups, calendar and batches allow.
 * Operations not in `previous` go to their first eligible machine, after the others.
 */
export function retimeSchedule(instance: SchedulingInstance, previous: Schedule): TRetimeResult {
  const ci = compileInstance(instance);
  const prev = new Map(previous.operations.map((p) => [`${p.jobId}\u0000${p.operationId}`, p]));
  const machineIndex = new Map(ci.machineIds.map((id, i) => [id, i]));
  const assign = new Int32Array(ci.nOps);
  const keyed: { o: number; m: number; start: number }[] = [];
  for (let o = 0; o < ci.nOps; o++) {
    const fixed = ci.fixedMachine[o] as number;
    if (fixed >= 0) {
      assign[o] = fixed;
      continue;
    }
    const alts: number[] = [];
    for (let a = ci.altStart[o] as number; a < (ci.altStart[o + 1] as number); a++)
      alts.push(ci.altMachine[a] as number);
    const p = prev.get(`${ci.jobIds[ci.opJob[o] as number]}\u0000${ci.opIds[o]}`);
    const wanted = p ? machineIndex.get(p.machineId) : undefined;
    const m = wanted !== undefined && alts.includes(wanted) ? wanted : (alts[0] as number);
    assign[o] = m;
    keyed.push({ o, m, start: p ? p.start : Number.POSITIVE_INFINITY });
  }
  keyed.sort((a, b) => a.start - b.start || a.o - b.o);
  const sequences: number[][] = Array.from({ length: ci.nMachines }, () => []);
  for (const k of keyed) sequences[k.m]?.push(k.o);
  const decoder = new ScheduleDecoder(ci, 0.3);
  if (!decoder.decode({ assign, sequences })) return { schedule: null, lockViolation: 0 };
  return { schedule: scheduleFromDecoder(ci, decoder, assign), lockViolation: decoder.value.lockViolation };
}
