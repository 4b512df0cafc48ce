import { describe, expect, it } from 'vitest';
import { explainLateness } from './explain-lateness.ts';
import type { SchedulingInstance } from './model.ts';
import { solveSchedule } from './solve-schedule.ts';

describe('explainLateness', () => {
  it('names the job that occupied the machine, the setup and the downtime that made an order late', () => {
    // ROLL is locked on the mill from t=0 for 10; URGENT (released at 1, due 6) must wait for it; its
    // family change (4) cannot overlap the downtime [14, 16), so it rolls at 20.
    const instance: SchedulingInstance = {
      machines: [
        { id: 'MILL', setup: { times: { wide: { narrow: 4 } } }, downtimes: [{ start: 14, end: 16 }] },
        { id: 'PACK' },
      ],
      jobs: [
        {
          id: 'ROLL',
          dueDate: 100,
          operations: [
            {
              id: 'roll',
              family: 'wide',
              options: [{ machineId: 'MILL', duration: 10 }],
              lock: { machineId: 'MILL', start: 0 },
            },
          ],
        },
        {
          id: 'URGENT',
          releaseDate: 1,
          dueDate: 6,
          weight: 5,
          operations: [
            { id: 'roll', family: 'narrow', options: [{ machineId: 'MILL', duration: 2 }] },
            { id: 'pack', options: [{ machineId: 'PACK', duration: 1 }] },
          ],
        },
      ],
    };
    const result = solveSchedule(instance, { timeLimitMs: 5_000, maxIterations: 200, seed: 1 });
    const urgent = result.schedule.operations.find((o) => o.jobId === 'URGENT' && o.operationId === 'roll');
    expect(urgent).toMatchObject({ start: 20, setupTime: 4 });
    const explanations = explainLateness(instance, result.schedule);
    expect(result.explanations).toEqual(explanations);
    expect(explanations).toHaveLength(1);
    const e = explanations[0];
    expect(e).toMatchObject({ jobId: 'URGENT', completion: 23, tardiness: 17, weight: 5 });
    expect(e?.totals).toMatchObject({ machineBusy: 9, downtime: 2, setup: 4, processing: 13 });
    expect(e?.blockingJobs[0]?.jobId).toBe('ROLL');
    expect(e?.chain).toContainEqual({
      kind: 'setup',
      jobId: 'URGENT',
      operationId: 'roll',
      machineId: 'MILL',
      duration: 4,
      fromFamily: 'wide',
      toFamily: 'narrow',
    });
    expect(e?.chain).toContainEqual(
      expect.objectContaining({ kind: 'downtime', machineId: 'MILL', window: { start: 14, end: 16 } }),
    );
    expect(e?.chain).toContainEqual(
      expect.objectContaining({ kind: 'machine-busy', blockingJobId: 'ROLL', blockingOperationId: 'roll' }),
    );
    expect(e?.chain).toContainEqual(expect.objectContaining({ kind: 'fixed-start', jobId: 'ROLL' }));
  });

  it('explains nothing for on-time jobs and follows a chain across jobs', () => {
    const instance: SchedulingInstance = {
      machines: [{ id: 'A' }, { id: 'B' }],
      jobs: [
        { id: 'J1', dueDate: 100, operations: [{ id: 'a', options: [{ machineId: 'A', duration: 5 }] }] },
        {
          id: 'J2',
          dueDate: 6,
          operations: [
            { id: 'a', options: [{ machineId: 'A', duration: 3 }] },
            { id: 'b', options: [{ machineId: 'B', duration: 3 }] },
          ],
        },
      ],
    };
    const schedule = {
      operations: [
        { jobId: 'J1', operationId: 'a', machineId: 'A', start: 0, end: 5, setupTime: 0 },
        { jobId: 'J2', operationId: 'a', machineId: 'A', start: 5, end: 8, setupTime: 0 },
        { jobId: 'J2', operationId: 'b', machineId: 'B', start: 8, end: 11, setupTime: 0 },
      ],
    };
    const [e, ...rest] = explainLateness(instance, schedule);
    expect(rest).toEqual([]);
    expect(e?.jobId).toBe('J2');
    expect(e?.blockingJobs).toEqual([{ jobId: 'J1', waited: 5 }]);
    expect(e?.totals).toMatchObject({ processing: 11, machineBusy: 5 });
  });
});
