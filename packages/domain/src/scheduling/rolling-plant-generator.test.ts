import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check-schedule.ts';
import { compileInstance } from './compile-instance.ts';
import { generateRollingPlant } from './rolling-plant-generator.ts';
import { scheduleByRule } from './solve-schedule.ts';

describe('generateRollingPlant', () => {
  it('is deterministic by seed', () => {
    const a = generateRollingPlant({ orders: 60, seed: 7 });
    const b = generateRollingPlant({ orders: 60, seed: 7 });
    const c = generateRollingPlant({ orders: 60, seed: 8 });
    expect(b).toEqual(a);
    expect(c.jobs).not.toEqual(a.jobs);
  });

  it('builds a 15-machine plant with batch furnaces, setups, calendars, release and due dates', () => {
    const instance = generateRollingPlant({ orders: 50, seed: 1 });
    const ci = compileInstance(instance);
    expect(instance.machines).toHaveLength(15);
    expect(instance.jobs).toHaveLength(50);
    expect(instance.machines.filter((m) => m.batch).map((m) => m.id)).toEqual([
      'HOMO-1',
      'ANN-1',
      'ANN-2',
      'ANN-3',
    ]);
    expect(ci.hasSetups && ci.hasBatches && ci.hasDowntimes && ci.hasRelease && ci.hasDueDates).toBe(true);
    // a strip route: casting -> homogenising -> hot rolling -> cold rolling -> anneal -> cold rolling -> slitting -> packing
    const strip = instance.jobs.find(
      (j) =>
        j.operations[0]?.options[0]?.machineId === 'CAST-1' &&
        j.operations.some((o) => o.options.some((x) => x.machineId.startsWith('SLIT-'))),
    );
    expect(strip?.operations.map((o) => o.options[0]?.machineId)).toEqual([
      'CAST-1',
      'HOMO-1',
      'HRM-1',
      'CRM-1',
      'ANN-1',
      'CRM-1',
      expect.stringMatching(/^SLIT-/),
      'PACK-1',
    ]);
    for (const job of instance.jobs) expect(job.dueDate).toBeGreaterThan(job.releaseDate ?? 0);
    const edd = scheduleByRule(instance, { rule: 'EDD' });
    expect(checkSchedule(instance, edd.schedule).violations).toEqual([]);
  });
});
