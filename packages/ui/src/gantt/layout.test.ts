import { describe, expect, it } from 'vitest';
import {
  assignLanes,
  BAR_HEIGHT,
  BATCH_MEMBER_HEIGHT,
  BATCH_PADDING,
  colorIndex,
  groupBlocks,
  layoutGantt,
  ROW_PADDING,
  rowAtY,
  type TGanttItem,
} from './layout.ts';

const H = 3_600_000;
const item = (id: string, rowId: string, start: number, end: number, extra: Partial<TGanttItem> = {}) => ({
  id,
  rowId,
  start: start * H,
  end: end * H,
  label: id,
  ...extra,
});

describe('groupBlocks', () => {
  it('makes one block per operation and one framed block per furnace charge, in time order', () => {
    const blocks = groupBlocks([
      item('a', 'F1', 5, 9, { batchKey: 'C1' }),
      item('b', 'F1', 5, 10, { batchKey: 'C1' }),
      item('c', 'F1', 0, 2),
      item('d', 'F1', 11, 12, { batchKey: 'C2' }),
    ]);
    expect(blocks.map((b) => [b.key, b.kind, b.items.length])).toEqual([
      ['c', 'item', 1],
      ['batch:C1', 'batch', 2],
      ['batch:C2', 'batch', 1],
    ]);
    const charge = blocks[1];
    expect(charge?.start).toBe(5 * H);
    expect(charge?.end).toBe(10 * H);
    expect(charge?.height).toBe(BATCH_PADDING * 2 + 2 * BATCH_MEMBER_HEIGHT);
    expect(charge?.items.map((p) => p.y)).toEqual([BATCH_PADDING, BATCH_PADDING + BATCH_MEMBER_HEIGHT]);
  });

  it('starts a block at its setup, not its processing start', () => {
    const [b] = groupBlocks([item('a', 'M', 4, 6, { setupMs: 0.5 * H })]);
    expect(b?.from).toBe(3.5 * H);
    expect(b?.start).toBe(4 * H);
  });
});

describe('assignLanes', () => {
  it('keeps back-to-back operations on one lane and moves overlapping ones to the next free lane', () => {
    expect(
      assignLanes([
        { from: 0, end: 2 },
        { from: 2, end: 4 },
        { from: 3, end: 5 },
        { from: 4, end: 6 },
      ]),
    ).toEqual([0, 0, 1, 0]);
    expect(assignLanes([])).toEqual([]);
  });
});

describe('layoutGantt', () => {
  const rows = [
    { id: 'M1', label: 'Mill 1' },
    { id: 'F1', label: 'Furnace' },
    { id: 'M2', label: 'Mill 2' },
  ];

  it('stacks rows, sizes each to its lanes and tallest block, and indexes every item', () => {
    const layout = layoutGantt(rows, [
      item('a', 'M1', 0, 2),
      item('b', 'M1', 1, 3), // overlaps a: second lane
      item('c', 'F1', 0, 4, { batchKey: 'K' }),
      item('d', 'F1', 0, 4, { batchKey: 'K' }),
      item('e', 'F1', 0, 4, { batchKey: 'K' }),
    ]);
    const [m1, f1, m2] = layout.rows;
    expect(m1?.lanes).toBe(2);
    expect(m1?.height).toBe(ROW_PADDING * 2 + BAR_HEIGHT * 2 + 4);
    const chargeHeight = BATCH_PADDING * 2 + 3 * BATCH_MEMBER_HEIGHT;
    expect(f1?.height).toBe(ROW_PADDING * 2 + chargeHeight);
    expect(f1?.y).toBe(m1?.height);
    expect(m2?.height).toBe(ROW_PADDING * 2 + BAR_HEIGHT);
    expect(layout.height).toBe((m1?.height ?? 0) + (f1?.height ?? 0) + (m2?.height ?? 0));
    expect(layout.byItem.get('b')?.block.lane).toBe(1);
    expect(layout.byItem.get('e')?.rowIndex).toBe(1);
    // Placed y is absolute: inside its row.
    const e = layout.byItem.get('e')?.placed;
    expect(e && f1 && e.y >= f1.y && e.y + e.height <= f1.y + f1.height).toBe(true);
  });

  it('reports items on machines that are not rows instead of drawing them somewhere', () => {
    const layout = layoutGantt(rows, [item('x', 'GONE', 0, 1)]);
    expect(layout.orphans.map((o) => o.id)).toEqual(['x']);
    expect(layout.byItem.has('x')).toBe(false);
  });

  it('finds the row under a y offset', () => {
    const layout = layoutGantt(rows, []);
    expect(rowAtY(layout, 0)?.row.id).toBe('M1');
    expect(rowAtY(layout, (layout.rows[1]?.y ?? 0) + 1)?.row.id).toBe('F1');
    expect(rowAtY(layout, layout.height + 5)).toBeNull();
    expect(rowAtY(layout, -1)).toBeNull();
  });
});

describe('colorIndex', () => {
  it('is stable and in range', () => {
    expect(colorIndex('SO-1', 8)).toBe(colorIndex('SO-1', 8));
    const spread = new Set(Array.from({ length: 50 }, (_, i) => colorIndex(`SO-${i}`, 8)));
    expect(spread.size).toBeGreaterThan(4);
    for (const c of spread) expect(c).toBeLessThan(8);
    expect(colorIndex(undefined, 8)).toBe(0);
  });
});
