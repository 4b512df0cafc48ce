/**
 * Vertical layout of the Gantt chart: one row per machine; an operation is a bar, a furnace charge (operations
 * sharing a batch key on the same machine) is one framed block with its members stacked inside, and blocks that
 * overlap in time on one machine (only in an infeasible or half-dragged plan) go to separate lanes so none hides
 * another. Independent of the zoom: only the time scale changes horizontally.
 */

export type TGanttItemStatus = 'pending' | 'in_progress' | 'done' | 'cancelled';

export interface TGanttItem {
  id: string;
  /** The machine row it is on. */
  rowId: string;
  /** Processing start and end, epoch ms. */
  start: number;
  end: number;
  /** Sequence-dependent setup right before `start` (ms); drawn as a hatched lead-in. */
  setupMs?: number;
  label: string;
  /** A longer description for the tooltip and screen readers. */
  detail?: string;
  locked?: boolean;
  /** Same key on the same machine = one furnace charge. */
  batchKey?: string | null;
  /** Machines this operation may run on (the routing's eligible equipment); the drag may only go there. */
  eligibleRowIds?: readonly string[];
  /** Bars with the same key share a colour (e.g. the sales order). */
  colorKey?: string;
  late?: boolean;
  status?: TGanttItemStatus;
  /** Drawn emphasised (e.g. the order the user came from). */
  highlight?: boolean;
}

export interface TGanttWindow {
  start: number;
  /** null: until further notice (an open breakdown). */
  end: number | null;
  label: string;
  kind?: 'breakdown' | 'maintenance' | 'off_shift';
}

export interface TGanttRow {
  id: string;
  label: string;
  detail?: string;
  /** Times the machine is unavailable. */
  windows?: readonly TGanttWindow[];
}

export interface TPlacedItem {
  item: TGanttItem;
  /** Offset from the top of the chart body. */
  y: number;
  height: number;
}

export interface TBlock {
  key: string;
  kind: 'item' | 'batch';
  /** Earliest setup start (or start) of its members. */
  from: number;
  start: number;
  end: number;
  y: number;
  height: number;
  lane: number;
  items: TPlacedItem[];
}

export interface TRowLayout {
  row: TGanttRow;
  index: number;
  y: number;
  height: number;
  lanes: number;
  blocks: TBlock[];
}

export interface TGanttLayout {
  rows: TRowLayout[];
  height: number;
  /** Item id -> its row index and block, for keyboard navigation and hit tests. */
  byItem: Map<string, { rowIndex: number; block: TBlock; placed: TPlacedItem }>;
}

export const BAR_HEIGHT = 26;
export const BATCH_MEMBER_HEIGHT = 16;
export const BATCH_PADDING = 4;
export const ROW_PADDING = 6;
export const LANE_GAP = 4;

const setupStart = (i: TGanttItem) => i.start - Math.max(0, i.setupMs ?? 0);

/** Groups a row's items into blocks: one per furnace charge, one per other item; sorted by time. */
export function groupBlocks(items: readonly TGanttItem[]): Omit<TBlock, 'y' | 'lane'>[] {
  const batches = new Map<string, TGanttItem[]>();
  const singles: TGanttItem[] = [];
  for (const item of items) {
    if (item.batchKey) {
      const members = batches.get(item.batchKey) ?? [];
      members.push(item);
      batches.set(item.batchKey, members);
    } else singles.push(item);
  }
  const blocks: Omit<TBlock, 'y' | 'lane'>[] = [];
  for (const item of singles) {
    blocks.push({
      key: item.id,
      kind: 'item',
      from: setupStart(item),
      start: item.start,
      end: item.end,
      height: BAR_HEIGHT,
      items: [{ item, y: 0, height: BAR_HEIGHT }],
    });
  }
  for (const [key, members] of batches) {
    // A charge of one is still a charge: it shows as a batch so the planner sees the furnace has room.
    const sorted = [...members].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
    blocks.push({
      key: `batch:${key}`,
      kind: 'batch',
      from: Math.min(...sorted.map(setupStart)),
      start: Math.min(...sorted.map((m) => m.start)),
      end: Math.max(...sorted.map((m) => m.end)),
      height: BATCH_PADDING * 2 + sorted.length * BATCH_MEMBER_HEIGHT,
      items: sorted.map((item, i) => ({
        item,
        y: BATCH_PADDING + i * BATCH_MEMBER_HEIGHT,
        height: BATCH_MEMBER_HEIGHT - 2,
      })),
    });
  }
  return blocks.sort((a, b) => a.from - b.from || a.key.localeCompare(b.key));
}

/** Interval partitioning: each block goes to the first lane that is free at its (setup) start. */
export function assignLanes(blocks: readonly { from: number; end: number }[]): number[] {
  const laneEnds: number[] = [];
  return blocks.map((b) => {
    let lane = laneEnds.findIndex((end) => end <= b.from);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(b.end);
    } else laneEnds[lane] = b.end;
    return lane;
  });
}

/** Lays out rows top to bottom. Items on a row that is not in `rows` are left out (and reported). */
export function layoutGantt(
  rows: readonly TGanttRow[],
  items: readonly TGanttItem[],
): TGanttLayout & { orphans: TGanttItem[] } {
  const perRow = new Map<string, TGanttItem[]>(rows.map((r) => [r.id, []]));
  const orphans: TGanttItem[] = [];
  for (const item of items) {
    const list = perRow.get(item.rowId);
    if (list) list.push(item);
    else orphans.push(item);
  }
  const byItem: TGanttLayout['byItem'] = new Map();
  const out: TRowLayout[] = [];
  let y = 0;
  rows.forEach((row, index) => {
    const grouped = groupBlocks(perRow.get(row.id) ?? []);
    const lanes = assignLanes(grouped);
    const laneCount = Math.max(1, ...lanes.map((l) => l + 1));
    const laneHeights = Array.from({ length: laneCount }, (_, lane) =>
      Math.max(BAR_HEIGHT, ...grouped.filter((_, i) => lanes[i] === lane).map((b) => b.height)),
    );
    const laneTops: number[] = [];
    let top = ROW_PADDING;
    for (const h of laneHeights) {
      laneTops.push(top);
      top += h + LANE_GAP;
    }
    const height = top - LANE_GAP + ROW_PADDING;
    const blocks: TBlock[] = grouped.map((b, i) => {
      const lane = lanes[i] ?? 0;
      const blockY = y + (laneTops[lane] ?? ROW_PADDING);
      const block: TBlock = {
        ...b,
        lane,
        y: blockY,
        items: b.items.map((p) => ({ ...p, y: blockY + p.y })),
      };
      for (const placed of block.items) byItem.set(placed.item.id, { rowIndex: index, block, placed });
      return block;
    });
    out.push({ row, index, y, height, lanes: laneCount, blocks });
    y += height;
  });
  return { rows: out, height: y, byItem, orphans };
}

/** The row at a vertical offset of the chart body, or null above/below all rows. */
export function rowAtY(layout: TGanttLayout, y: number): TRowLayout | null {
  return layout.rows.find((r) => y >= r.y && y < r.y + r.height) ?? null;
}

/** A stable colour index (0..n-1) for a colour key, so an order keeps its colour across renders and plans. */
export function colorIndex(key: string | undefined, n: number): number {
  if (!key) return 0;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % n;
}
