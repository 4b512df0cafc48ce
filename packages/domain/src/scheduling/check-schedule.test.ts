import { describe, expect, it } from 'vitest';
import { checkSchedule, type ViolationKind } from './check-schedule.ts';
import type { Schedule, ScheduledOperation, SchedulingInstance } from './model.ts';

const base: SchedulingInstance = {
  machines: [
    { id: 'M1', setup: { times: { A: { B: 3 }, B: { A: 2 } } }, downtimes: [{ start: 100, end: 110 }] },
    { id: 'M2' },
    { id: 'F', batch: { capacity: 10 } },
  ],
  jobs: [
    {
      id: 'J1',
      dueDate: 30,
      operations: [
        {
          id: 'o1',
          family: 'A',
          options: [
            { machineId: 'M1', duration: 5 },
            { machineId: 'M2', duration: 7 },
          ],
        },
        { id: 'o2', options: [{ machineId: 'F', duration: 20 }], batch: { recipe: 'R1', load: 4 } },
      ],
    },
    {
      id: 'J2',
      releaseDate: 8,
      operations: [
        { id: 'o1', family: 'B', options: [{ machineId: 'M1', duration: 4 }] },
        { id: 'o2', options: [{ machineId: 'F', duration: 15 }], batch: { recipe: 'R1', load: 5 } },
      ],
    },
    {
      id: 'J3',
      operations: [
        { id: 'o1', options: [{ machineId: 'F', duration: 10 }], batch: { recipe: 'R2', load: 3 } },
      ],
    },
  ],
};

const op = (
  jobId: string,
  operationId: string,
  machineId: string,
  start: number,
  end: number,
  setupTime = 0,
  batchId?: string,
): ScheduledOperation => ({
  jobId,
  operationId,
  machineId,
  start,
  end,
  setupTime,
  ...(batchId ? { batchId } : {}),
});

const good = (): ScheduledOperation[] => [
  op('J1', 'o1', 'M1', 0, 5),
  op('J2', 'o1', 'M1', 8, 12, 3),
  op('J1', 'o2', 'F', 12, 32, 0, 'b1'),
  op('J2', 'o2', 'F', 12, 32, 0, 'b1'),
  op('J3', 'o1', 'F', 32, 42, 0, 'b2'),
];

function kinds(instance: SchedulingInstance, operations: ScheduledOperation[]): ViolationKind[] {
  const schedule: Schedule = { operations };
  return checkSchedule(instance, schedule).violations.map((v) => v.kind);
}

function edit(index: number, patch: Partial<ScheduledOperation>): ScheduledOperation[] {
  const ops = good();
  ops[index] = { ...(ops[index] as ScheduledOperation), ...patch };
  return ops;
}

function withJob(
  jobIndex: number,
  patch: (job: SchedulingInstance['jobs'][number]) => SchedulingInstance['jobs'][number],
) {
  return { ...base, jobs: base.jobs.map((j, i) => (i === jobIndex ? patch(j) : j)) };
}

describe('checkSchedule', () => {
  it('accepts a feasible schedule and computes its metrics', () => {
    const result = checkSchedule(base, { operations: good() });
    expect(result.violations).toEqual([]);
    expect(result.feasible).toBe(true);
    expect(result.metrics).toMatchObject({ makespan: 42, weightedTardiness: 2, lateJobs: 1, setupTime: 3 });
  });

  it.each<[string, () => [SchedulingInstance, ScheduledOperation[]], ViolationKind]>([
    ['a missing operation', () => [base, good().slice(0, 4)], 'missing'],
    ['a duplicated operation', () => [base, [...good(), op('J3', 'o1', 'F', 50, 60, 0, 'b3')]], 'duplicate'],
    ['an unknown operation', () => [base, [...good(), op('J9', 'o1', 'M2', 0, 1)]], 'unknown-operation'],
    ['an ineligible machine', () => [base, edit(1, { machineId: 'M2' })], 'ineligible-machine'],
    ['a wrong processing time', () => [base, edit(0, { end: 6 })], 'duration'],
    [
      'a precedence violation',
      () => [
        base,
        edit(1, { start: 8, end: 12 }).map((o) =>
          o.machineId === 'F' && o.batchId === 'b1' ? { ...o, start: 10, end: 30 } : o,
        ),
      ],
      'precedence',
    ],
    [
      'a start before the release date',
      () => [withJob(1, (j) => ({ ...j, releaseDate: 9 })), good()],
      'release',
    ],
    [
      'two operations overlapping on a machine',
      () => [base, edit(1, { start: 4, end: 8, setupTime: 0 })],
      'overlap',
    ],
    ['a missing setup', () => [base, edit(1, { start: 6, end: 10, setupTime: 1 })], 'setup'],
    ['a setup squeezed into the gap', () => [base, edit(1, { start: 7, end: 11, setupTime: 3 })], 'setup'],
    [
      'work during a downtime',
      () => [
        {
          ...base,
          machines: base.machines.map((m) =>
            m.id === 'M1' ? { ...m, downtimes: [{ start: 9, end: 10 }] } : m,
          ),
        },
        good(),
      ],
      'downtime',
    ],
    [
      'a setup during a downtime',
      () => [
        {
          ...base,
          machines: base.machines.map((m) =>
            m.id === 'M1' ? { ...m, downtimes: [{ start: 6, end: 7 }] } : m,
          ),
        },
        good(),
      ],
      'downtime',
    ],
    ['batch members out of step', () => [base, edit(3, { end: 33 })], 'batch-sync'],
    ['a batch mixing recipes', () => [base, edit(4, { start: 12, end: 32, batchId: 'b1' })], 'batch-recipe'],
    [
      'a batch over capacity',
      () => [
        withJob(2, (j) => ({
          ...j,
          operations: j.operations.map((o) => ({ ...o, batch: { recipe: 'R1', load: 3 } })),
        })),
        edit(4, { start: 12, end: 32, batchId: 'b1' }),
      ],
      'batch-capacity',
    ],
    ['a batch id on an ordinary machine', () => [base, edit(0, { batchId: 'x' })], 'batch-machine'],
    [
      'a locked machine not kept',
      () => [
        withJob(0, (j) => ({
          ...j,
          operations: j.operations.map((o, i) => (i === 0 ? { ...o, lock: { machineId: 'M2' } } : o)),
        })),
        good(),
      ],
      'lock',
    ],
    [
      'a locked start not kept',
      () => [
        withJob(0, (j) => ({
          ...j,
          operations: j.operations.map((o, i) =>
            i === 0 ? { ...o, lock: { machineId: 'M1', start: 1 } } : o,
          ),
        })),
        good(),
      ],
      'lock',
    ],
    [
      'a frozen operation moved',
      () => [
        { ...base, frozen: { frozenUntil: 10, plan: { operations: [op('J1', 'o1', 'M2', 0, 7)] } } },
        good(),
      ],
      'frozen',
    ],
  ])('reports %s', (_label, make, kind) => {
    const [instance, ops] = make();
    expect(kinds(instance, ops)).toContain(kind);
  });
});
