import { describe, expect, it } from 'vitest';
import { eligibleRowIds, firstItem, neighbour, nudge, proposeDrag, proposeMove } from './interaction.ts';
import { layoutGantt, type TGanttItem } from './layout.ts';
import { createTimeScale, HOUR_MS, MINUTE_MS } from './time-scale.ts';

const rows = [
  { id: 'CM1', label: 'Cold mill 1' },
  { id: 'HM', label: 'Hot mill' },
  { id: 'CM2', label: 'Cold mill 2' },
  { id: 'CM3', label: 'Cold mill 3' },
];
const T0 = Date.UTC(2026, 10, 30);
const op: TGanttItem = {
  id: 'op',
  rowId: 'CM1',
  start: T0 + 2 * HOUR_MS,
  end: T0 + 5 * HOUR_MS,
  label: 'cold rolling',
  eligibleRowIds: ['CM1', 'CM3'],
};

describe('eligibleRowIds', () => {
  it('lists the eligible machines in row order and always includes the current one', () => {
    expect(eligibleRowIds(op, rows)).toEqual(['CM1', 'CM3']);
    expect(eligibleRowIds({ ...op, eligibleRowIds: undefined }, rows)).toEqual(['CM1']);
  });
});

describe('proposeMove', () => {
  it('keeps the duration and accepts an eligible machine', () => {
    const p = proposeMove(op, 'CM3', T0, rows);
    expect(p).toMatchObject({ valid: true, reason: 'ok', rowId: 'CM3', start: T0, end: T0 + 3 * HOUR_MS });
  });

  it('refuses a machine the routing does not allow, a locked operation, and no change', () => {
    expect(proposeMove(op, 'HM', T0, rows)).toMatchObject({ valid: false, reason: 'not_eligible' });
    expect(proposeMove({ ...op, locked: true }, 'CM1', T0, rows)).toMatchObject({
      valid: false,
      reason: 'locked',
    });
    expect(proposeMove(op, 'CM1', op.start, rows)).toMatchObject({ valid: false, reason: 'unchanged' });
  });
});

describe('proposeDrag', () => {
  const scale = createTimeScale(T0, T0 + 24 * HOUR_MS, 32);

  it('turns pixels into snapped time', () => {
    // 32 px/h: 40 px = 75 min -> snapped to 15 min = +75 min.
    const p = proposeDrag(op, 40, 'CM1', scale, rows, 15 * MINUTE_MS);
    expect(p.start).toBe(op.start + 75 * MINUTE_MS);
    const q = proposeDrag(op, 37, 'CM1', scale, rows, 15 * MINUTE_MS); // 69.4 min -> 75
    expect(q.start).toBe(op.start + 75 * MINUTE_MS);
    expect(proposeDrag(op, -16, 'CM3', scale, rows, 15 * MINUTE_MS)).toMatchObject({
      valid: true,
      rowId: 'CM3',
      start: op.start - 30 * MINUTE_MS,
    });
  });

  it('treats a jitter of a couple of pixels as no time change (a click, not a drag)', () => {
    expect(
      proposeDrag({ ...op, start: op.start + 7 * MINUTE_MS }, 2, 'CM1', scale, rows, HOUR_MS).reason,
    ).toBe('unchanged');
  });
});

describe('nudge', () => {
  it('shifts time with left/right and jumps over ineligible machines with up/down', () => {
    const at = { rowId: 'CM1', start: op.start };
    expect(nudge(op, at, 'ArrowRight', 15 * MINUTE_MS, rows).start).toBe(op.start + 15 * MINUTE_MS);
    expect(nudge(op, at, 'ArrowLeft', 15 * MINUTE_MS, rows).start).toBe(op.start - 15 * MINUTE_MS);
    expect(nudge(op, at, 'ArrowDown', 15 * MINUTE_MS, rows).rowId).toBe('CM3'); // skips HM and CM2
    expect(nudge(op, { rowId: 'CM3', start: op.start }, 'ArrowDown', 1, rows).rowId).toBe('CM3');
    expect(nudge(op, at, 'ArrowUp', 1, rows).rowId).toBe('CM1');
  });
});

describe('neighbour', () => {
  const items: TGanttItem[] = [
    { id: 'a1', rowId: 'CM1', start: T0, end: T0 + HOUR_MS, label: 'a1' },
    { id: 'a2', rowId: 'CM1', start: T0 + 2 * HOUR_MS, end: T0 + 3 * HOUR_MS, label: 'a2' },
    { id: 'c1', rowId: 'CM2', start: T0 + 5 * HOUR_MS, end: T0 + 6 * HOUR_MS, label: 'c1' },
    { id: 'c2', rowId: 'CM2', start: T0 + 1 * HOUR_MS, end: T0 + 2 * HOUR_MS, label: 'c2' },
  ];
  const layout = layoutGantt(rows, items);

  it('moves along a machine by start time', () => {
    expect(neighbour(layout, 'a1', 'ArrowRight')).toBe('a2');
    expect(neighbour(layout, 'a2', 'ArrowRight')).toBeNull();
    expect(neighbour(layout, 'c1', 'ArrowLeft')).toBe('c2');
    expect(neighbour(layout, 'c2', 'End')).toBe('c1');
    expect(neighbour(layout, 'c1', 'Home')).toBe('c2');
  });

  it('goes to the closest bar in time on the nearest machine that has bars (skipping empty rows)', () => {
    expect(neighbour(layout, 'a2', 'ArrowDown')).toBe('c2'); // HM is empty; c2 (1h) is closer to 2h than c1 (5h)
    expect(neighbour(layout, 'c1', 'ArrowUp')).toBe('a2');
    expect(neighbour(layout, 'a1', 'ArrowUp')).toBeNull();
  });

  it('enters the chart at the earliest bar of the first machine', () => {
    expect(firstItem(layout)).toBe('a1');
    expect(firstItem(layoutGantt(rows, []))).toBeNull();
    expect(neighbour(layout, 'missing', 'ArrowRight')).toBe('a1');
  });
});
