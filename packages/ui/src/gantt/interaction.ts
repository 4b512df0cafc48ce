/**
 * What a drag or a key press does to an operation on the chart: the proposed machine and start, whether the
 * machine is eligible, and which bar the focus goes to next. Pure, so every rule is unit tested; the component
 * only turns pointer and key events into these calls.
 */
import type { TGanttItem, TGanttLayout, TGanttRow } from './layout.ts';
import { snapTime, type TTimeScale } from './time-scale.ts';

export interface TMoveProposal {
  itemId: string;
  rowId: string;
  start: number;
  end: number;
  /** False when the machine is not eligible for the operation or the item is locked. */
  valid: boolean;
  reason: 'ok' | 'locked' | 'not_eligible' | 'unchanged';
}

/** The machines an item may run on, in the chart's row order (at least its own machine). */
export function eligibleRowIds(item: TGanttItem, rows: readonly TGanttRow[]): string[] {
  const allowed = new Set(item.eligibleRowIds ?? []);
  allowed.add(item.rowId);
  return rows.filter((r) => allowed.has(r.id)).map((r) => r.id);
}

/** The move an item would make to `rowId` starting at `start` (duration kept; the server recomputes it). */
export function proposeMove(
  item: TGanttItem,
  rowId: string,
  start: number,
  rows: readonly TGanttRow[],
): TMoveProposal {
  const end = start + (item.end - item.start);
  const base = { itemId: item.id, rowId, start, end };
  if (item.locked) return { ...base, valid: false, reason: 'locked' };
  if (!eligibleRowIds(item, rows).includes(rowId)) return { ...base, valid: false, reason: 'not_eligible' };
  if (rowId === item.rowId && start === item.start) return { ...base, valid: false, reason: 'unchanged' };
  return { ...base, valid: true, reason: 'ok' };
}

/** A pointer drag of `dx` pixels ending over `rowId`: the start snaps to `snapMs` in plant-local time. */
export function proposeDrag(
  item: TGanttItem,
  dx: number,
  rowId: string,
  scale: TTimeScale,
  rows: readonly TGanttRow[],
  snapMs: number,
  offsetMinutes = 0,
): TMoveProposal {
  const raw = scale.t(scale.x(item.start) + dx);
  const start = Math.abs(dx) < 3 ? item.start : snapTime(raw, snapMs, offsetMinutes);
  return proposeMove(item, rowId, start, rows);
}

/**
 * A keyboard nudge of a picked-up item: left/right shift the start by `stepMs`, up/down go to the previous or
 * next ELIGIBLE machine (skipping the ones the routing does not allow), staying put at the ends.
 */
export function nudge(
  item: TGanttItem,
  current: { rowId: string; start: number },
  key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown',
  stepMs: number,
  rows: readonly TGanttRow[],
): TMoveProposal {
  let { rowId, start } = current;
  if (key === 'ArrowLeft') start -= stepMs;
  else if (key === 'ArrowRight') start += stepMs;
  else {
    const eligible = eligibleRowIds(item, rows);
    const at = eligible.indexOf(rowId);
    const next = key === 'ArrowUp' ? at - 1 : at + 1;
    rowId = eligible[Math.min(eligible.length - 1, Math.max(0, next))] ?? rowId;
  }
  return proposeMove(item, rowId, start, rows);
}

/**
 * Focus navigation between bars: left/right to the previous/next bar on the machine (by start), up/down to the
 * bar on the nearest machine above/below that has any, closest in time. Returns the id to focus, or null to stay.
 */
export function neighbour(
  layout: TGanttLayout,
  itemId: string,
  key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End',
): string | null {
  const here = layout.byItem.get(itemId);
  if (!here) return firstItem(layout);
  const rowItems = (rowIndex: number) =>
    (layout.rows[rowIndex]?.blocks ?? [])
      .flatMap((b) => b.items.map((p) => p.item))
      .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  const own = rowItems(here.rowIndex);
  const at = own.findIndex((i) => i.id === itemId);
  if (key === 'Home') return own[0]?.id ?? null;
  if (key === 'End') return own[own.length - 1]?.id ?? null;
  if (key === 'ArrowLeft') return own[at - 1]?.id ?? null;
  if (key === 'ArrowRight') return own[at + 1]?.id ?? null;
  const dir = key === 'ArrowUp' ? -1 : 1;
  const t = here.placed.item.start;
  for (let r = here.rowIndex + dir; r >= 0 && r < layout.rows.length; r += dir) {
    const candidates = rowItems(r);
    if (candidates.length === 0) continue;
    let best = candidates[0];
    for (const c of candidates) {
      if (best && Math.abs(c.start - t) < Math.abs(best.start - t)) best = c;
    }
    return best?.id ?? null;
  }
  return null;
}

/** The earliest bar on the first machine that has any: where the focus lands when the chart is entered. */
export function firstItem(layout: TGanttLayout): string | null {
  for (const row of layout.rows) {
    const items = row.blocks.flatMap((b) => b.items.map((p) => p.item));
    if (items.length) return [...items].sort((a, b) => a.start - b.start)[0]?.id ?? null;
  }
  return null;
}
