import type { Job, Machine, Operation, SchedulingInstance } from './model.ts';
import { createPrng } from './prng.ts';

/** Features of `randomInstance` (all off by default). */
export interface RandomInstanceOptions {
  jobs: number;
  machines: number;
  maxOps?: number;
  setups?: boolean;
  batches?: boolean;
  downtimes?: boolean;
  releaseDates?: boolean;
  dueDates?: boolean;
}

/**
 * Small random instances for tests and experiments: every feature of the model can be switched on
 * (sequence-dependent setups, a batch machine, calendars, release and due dates). Deterministic by seed.
 */
export function randomInstance(seed: number, options: RandomInstanceOptions): SchedulingInstance {
  const rng = createPrng(seed);
  const families = ['A', 'B', 'C'];
  const nm = options.machines;
  const batchMachine = options.batches ? nm - 1 : -1;
  const machines: Machine[] = [];
  for (let m = 0; m < nm; m++) {
    const machine: Machine = { id: `M${m}` };
    if (options.setups) {
      const times: Record<string, Record<string, number>> = {};
      for (const a of families) {
        times[a] = {};
        for (const b of families) if (a !== b) (times[a] as Record<string, number>)[b] = 1 + rng.int(4);
      }
      machine.setup = { times };
    }
    if (options.downtimes) {
      const downtimes = [];
      let t = 5 + rng.int(10);
      for (let k = 0; k < 3; k++) {
        const len = 2 + rng.int(5);
        downtimes.push({ start: t, end: t + len });
        t += len + 10 + rng.int(15);
      }
      machine.downtimes = downtimes;
    }
    if (m === batchMachine) machine.batch = { capacity: 10 };
    machines.push(machine);
  }
  const jobs: Job[] = [];
  for (let j = 0; j < options.jobs; j++) {
    const nOps = 1 + rng.int(options.maxOps ?? 4);
    const operations: Operation[] = [];
    let work = 0;
    for (let i = 0; i < nOps; i++) {
      const k = 1 + rng.int(Math.min(3, nm));
      const chosen = new Set<number>();
      while (chosen.size < k) chosen.add(rng.int(nm));
      const op: Operation = {
        id: `o${i + 1}`,
        options: [...chosen].map((m) => ({ machineId: `M${m}`, duration: 1 + rng.int(9) })),
      };
      if (options.setups) op.family = families[rng.int(families.length)] as string;
      if (chosen.has(batchMachine))
        op.batch = { recipe: rng.int(2) === 0 ? 'R1' : 'R2', load: 1 + rng.int(6) };
      work += Math.min(...op.options.map((o) => o.duration));
      operations.push(op);
    }
    const job: Job = { id: `J${j + 1}`, operations, weight: 1 + rng.int(3) };
    if (options.releaseDates) job.releaseDate = rng.int(15);
    if (options.dueDates) job.dueDate = (job.releaseDate ?? 0) + Math.round(work * (1 + rng.next() * 2));
    jobs.push(job);
  }
  return {
    name: `random-${seed}`,
    machines,
    jobs,
    ...(options.dueDates ? { objective: { weightedTardiness: 1, makespan: 0.1, setupTime: 0.1 } } : {}),
  };
}
