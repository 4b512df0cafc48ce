import { describe, expect, it } from 'vitest';
import { planToGantt, type TPlanForGantt } from './to-gantt.ts';

const plan: TPlanForGantt = {
  equipment: [
    { id: 'e2', code: 'CM-02', name: 'Cold mill 2', class: 'cold_mill' },
    { id: 'e1', code: 'AF-01', name: 'Annealing furnace', class: 'annealing_furnace' },
  ],
  assignments: [
    {
      operationId: 'o1',
      workOrderId: 'w1',
      workOrderNo: 'WO-1',
      orderId: 's1',
      orderNo: 'SO-1',
      seq: 3,
      operationCode: 'cold_rolling',
      operationStatus: 'pending',
      equipmentId: 'e2',
      start: '2026-11-30T02:00:00.000Z',
      end: new Date('2026-11-30T04:00:00.000Z'),
      setupMinutes: 30,
      locked: true,
      batchKey: null,
      dueDate: '2026-12-05T00:00:00.000Z',
    },
    {
      operationId: 'o2',
      workOrderId: 'w2',
      workOrderNo: 'WO-2',
      orderId: 's2',
      orderNo: 'SO-2',
      seq: 4,
      operationCode: 'intermediate_anneal',
      operationStatus: 'weird',
      equipmentId: 'e1',
      start: '2026-11-30T05:00:00.000Z',
      end: '2026-11-30T15:00:00.000Z',
      setupMinutes: 0,
      locked: false,
      batchKey: 'charge-7',
      dueDate: '2026-12-01T00:00:00.000Z',
      eligibleEquipmentIds: ['e1'],
    },
  ],
  explanations: [{ workOrderId: 'w2' }],
  downtimes: [
    {
      equipmentId: 'e2',
      kind: 'breakdown',
      start: '2026-11-30T08:00:00.000Z',
      end: null,
      reason: 'roll crack',
    },
  ],
};

describe('planToGantt', () => {
  it('makes one row per machine by code, with its downtime windows', () => {
    const { rows } = planToGantt(plan, { classLabel: (c) => c.toUpperCase() });
    expect(rows.map((r) => r.label)).toEqual(['AF-01', 'CM-02']);
    expect(rows[1]?.detail).toBe('Cold mill 2 · COLD_MILL');
    expect(rows[1]?.windows).toEqual([
      { start: Date.parse('2026-11-30T08:00:00.000Z'), end: null, label: 'roll crack', kind: 'breakdown' },
    ]);
  });

  it('turns assignments into bars: setup, lock, charge, lateness, status, colour by order', () => {
    const eligible = new Map([['o1', ['e2', 'e9']]]);
    const { items } = planToGantt(plan, { eligible, highlightOrderId: 's1' });
    const [a, b] = items;
    expect(a).toMatchObject({
      id: 'o1',
      rowId: 'e2',
      setupMs: 30 * 60_000,
      locked: true,
      late: false,
      status: 'pending',
      colorKey: 's1',
      highlight: true,
      eligibleRowIds: ['e2', 'e9'],
      label: 'WO-1 #3 cold_rolling',
    });
    expect(a?.end).toBe(Date.parse('2026-11-30T04:00:00.000Z'));
    expect(b).toMatchObject({
      batchKey: 'charge-7',
      late: true,
      status: 'pending',
      highlight: false,
      eligibleRowIds: ['e1'],
    });
  });

  it('keeps only one order when asked, and falls back to the current machine for eligibility', () => {
    const { items } = planToGantt(plan, { onlyOrderId: 's1' });
    expect(items.map((i) => i.id)).toEqual(['o1']);
    expect(items[0]?.eligibleRowIds).toEqual(['e2']);
  });
});
