import type { Schedule, ScheduledOperation, SchedulingInstance } from './model.ts';

/**
 * Why is a job late? For each late job the chain that fixed its completion is traced backwards from
 * its last operation: at every operation, whichever constraint set its start — the job's previous
 * operation, the machine being busy with another job's operation (and the setup after it), a machine
 * downtime, the release date, waiting for batch mates, or a fixed (locked/frozen) start. Following the
 * blocking operation into its own job gives the critical chain across jobs.
 *
 * Works on any schedule of the instance (no solver state).
 */
export type DelayCause =
  | { kind: 'release'; jobId: string; releaseDate: number }
  | {
      kind: 'machine-busy';
      jobId: string;
      operationId: string;
      machineId: string;
      blockingJobId: string;
      blockingOperationId: string;
      /** Time from the operation's ready time until the machine became free. */
      waited: number;
    }
  | {
      kind: 'setup';
      jobId: string;
      operationId: string;
      machineId: string;
      duration: number;
      fromFamily?: string;
      toFamily?: string;
    }
  | {
      kind: 'downtime';
      jobId: string;
      operationId: string;
      machineId: string;
      window: { start: number; end: number };
      waited: number;
    }
  | {
      kind: 'batch-wait';
      jobId: string;
      operationId: string;
      machineId: string;
      /** The batch mate whose arrival set the run's start. */
      waitedForJobId: string;
      waitedForOperationId: string;
      waited: number;
    }
  | { kind: 'fixed-start'; jobId: string; operationId: string; machineId: string; start: number }
  | { kind: 'processing'; jobId: string; operationId: string; machineId: string; duration: number };

export interface LatenessExplanation {
  jobId: string;
  dueDate: number;
  completion: number;
  tardiness: number;
  weight: number;
  /** The chain from the job's end backwards (first entry = closest to the job's completion). */
  chain: DelayCause[];
  /** Jobs whose operations held this one up, with the waiting time they caused (largest first). */
  blockingJobs: { jobId: string; waited: number }[];
  /** Time on the chain by cause. */
  totals: {
    processing: number;
    machineBusy: number;
    setup: number;
    downtime: number;
    batchWait: number;
    release: number;
  };
}

const EPS = 1e-9;

export function explainLateness(
  instance: SchedulingInstance,
  schedule: Schedule,
  maxChainLength = 200,
): LatenessExplanation[] {
  const byKey = new Map<string, ScheduledOperation>();
  for (const s of schedule.operations) byKey.set(`${s.jobId}\u0000${s.operationId}`, s);
  const byMachine = new Map<string, ScheduledOperation[]>();
  for (const s of schedule.operations) {
    const list = byMachine.get(s.machineId) ?? [];
    list.push(s);
    byMachine.set(s.machineId, list);
  }
  for (const list of byMachine.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  const machines = new Map(instance.machines.map((m) => [m.id, m]));
  const jobs = new Map(instance.jobs.map((j) => [j.id, j]));
  const familyOf = new Map<string, string | undefined>();
  const fixedOps = new Set<string>();
  for (const job of instance.jobs) {
    for (const op of job.operations) {
      familyOf.set(`${job.id}\u0000${op.id}`, op.family);
      if (op.batch) familyOf.set(`${job.id}\u0000${op.id}\u0000batch`, op.batch.recipe);
      if (op.lock?.start !== undefined) fixedOps.add(`${job.id}\u0000${op.id}`);
    }
  }
  if (instance.frozen) {
    for (const p of instance.frozen.plan.operations) {
      if (p.start < instance.frozen.frozenUntil) fixedOps.add(`${p.jobId}\u0000${p.operationId}`);
    }
  }

  const prevInJob = (s: ScheduledOperation): ScheduledOperation | undefined => {
    const job = jobs.get(s.jobId);
    if (!job) return undefined;
    const idx = job.operations.findIndex((o) => o.id === s.operationId);
    const prev = idx > 0 ? job.operations[idx - 1] : undefined;
    return prev ? byKey.get(`${s.jobId}\u0000${prev.id}`) : undefined;
  };
  const readyOf = (s: ScheduledOperation): { ready: number; pred?: ScheduledOperation; release: number } => {
    const release = jobs.get(s.jobId)?.releaseDate ?? 0;
    const pred = prevInJob(s);
    const ready = Math.max(release, pred ? pred.end : 0);
    return pred ? { ready, pred, release } : { ready, release };
  };

  const result: LatenessExplanation[] = [];
  for (const job of instance.jobs) {
    if (job.dueDate === undefined) continue;
    const last = job.operations[job.operations.length - 1];
    const lastSched = last ? byKey.get(`${job.id}\u0000${last.id}`) : undefined;
    if (!lastSched) continue;
    let completion = 0;
    for (const op of job.operations)
      completion = Math.max(completion, byKey.get(`${job.id}\u0000${op.id}`)?.end ?? 0);
    const tardiness = completion - job.dueDate;
    if (!(tardiness > EPS)) continue;

    const chain: DelayCause[] = [];
    const totals = { processing: 0, machineBusy: 0, setup: 0, downtime: 0, batchWait: 0, release: 0 };
    const blocking = new Map<string, number>();
    let cur: ScheduledOperation | undefined = lastSched;
    for (let steps = 0; cur && steps < maxChainLength; steps++) {
      const s: ScheduledOperation = cur;
      const key = `${s.jobId}\u0000${s.operationId}`;
      const dur = s.end - s.start;
      chain.push({
        kind: 'processing',
        jobId: s.jobId,
        operationId: s.operationId,
        machineId: s.machineId,
        duration: dur,
      });
      totals.processing += dur;
      const { ready, pred, release } = readyOf(s);
      if (fixedOps.has(key)) {
        chain.push({
          kind: 'fixed-start',
          jobId: s.jobId,
          operationId: s.operationId,
          machineId: s.machineId,
          start: s.start,
        });
        cur = pred;
        continue;
      }
      if (s.start <= ready + EPS) {
        if (pred && pred.end >= release - EPS) {
          cur = pred;
          continue;
        }
        if (release > EPS) {
          chain.push({ kind: 'release', jobId: s.jobId, releaseDate: release });
          totals.release += release;
        }
        break;
      }
      // The operation waited from `ready` to `start`: batch mates, the machine, its setup, a downtime.
      const list = byMachine.get(s.machineId) ?? [];
      if (s.batchId !== undefined) {
        const mates = list.filter((x) => x.batchId === s.batchId && x !== s);
        let latest: { x: ScheduledOperation; ready: number } | undefined;
        for (const x of mates) {
          const r = readyOf(x).ready;
          if (!latest || r > latest.ready) latest = { x, ready: r };
        }
        if (latest && latest.ready > ready + EPS && latest.ready >= s.start - s.setupTime - EPS) {
          const waited = Math.min(latest.ready, s.start) - ready;
          chain.push({
            kind: 'batch-wait',
            jobId: s.jobId,
            operationId: s.operationId,
            machineId: s.machineId,
            waitedForJobId: latest.x.jobId,
            waitedForOperationId: latest.x.operationId,
            waited,
          });
          totals.batchWait += waited;
          blocking.set(latest.x.jobId, (blocking.get(latest.x.jobId) ?? 0) + waited);
          cur = prevInJob(latest.x) ?? undefined;
          continue;
        }
      }
      const busyFrom = s.start - s.setupTime;
      const sameRun = (x: ScheduledOperation) =>
        x === s || (s.batchId !== undefined && x.batchId === s.batchId);
      if (s.setupTime > EPS) {
        const prevOnMachine = [...list].reverse().find((x) => !sameRun(x) && x.end <= busyFrom + EPS);
        const setup: DelayCause = {
          kind: 'setup',
          jobId: s.jobId,
          operationId: s.operationId,
          machineId: s.machineId,
          duration: s.setupTime,
        };
        const onBatch = s.batchId !== undefined;
        const famKey = (k: string) => familyOf.get(onBatch ? `${k}\u0000batch` : k);
        const to = famKey(key);
        if (to !== undefined) setup.toFamily = to;
        const from = prevOnMachine
          ? famKey(`${prevOnMachine.jobId}\u0000${prevOnMachine.operationId}`)
          : machines.get(s.machineId)?.initialFamily;
        if (from !== undefined) setup.fromFamily = from;
        chain.push(setup);
        totals.setup += s.setupTime;
      }
      // the last run on the machine before this one that was still busy after the op was ready
      const blocker = [...list]
        .reverse()
        .find((x) => !sameRun(x) && x.end <= busyFrom + EPS && x.end > ready + EPS);
      const downtime = (machines.get(s.machineId)?.downtimes ?? []).find(
        (w) => w.end >= busyFrom - EPS && w.end <= busyFrom + EPS && w.end > ready + EPS,
      );
      if (downtime) {
        const waited = downtime.end - Math.max(ready, downtime.start, blocker ? blocker.end : ready);
        chain.push({
          kind: 'downtime',
          jobId: s.jobId,
          operationId: s.operationId,
          machineId: s.machineId,
          window: { start: downtime.start, end: downtime.end },
          waited,
        });
        totals.downtime += waited;
      }
      if (blocker) {
        const waited = blocker.end - ready;
        chain.push({
          kind: 'machine-busy',
          jobId: s.jobId,
          operationId: s.operationId,
          machineId: s.machineId,
          blockingJobId: blocker.jobId,
          blockingOperationId: blocker.operationId,
          waited,
        });
        totals.machineBusy += waited;
        if (blocker.jobId !== s.jobId)
          blocking.set(blocker.jobId, (blocking.get(blocker.jobId) ?? 0) + waited);
        cur = blocker;
        continue;
      }
      cur = pred;
    }
    result.push({
      jobId: job.id,
      dueDate: job.dueDate,
      completion,
      tardiness,
      weight: job.weight ?? 1,
      chain,
      blockingJobs: [...blocking.entries()]
        .map(([jobId, waited]) => ({ jobId, waited }))
        .sort((a, b) => b.waited - a.waited),
      totals,
    });
  }
  return result;
}
