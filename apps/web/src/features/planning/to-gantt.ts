import type { TGanttItem, TGanttRow } from '@ingot/ui';

/** The plan version fields the Gantt needs (structurally the plan.get output). */
export interface TPlanForGantt {
  equipment: readonly { id: string; code: string; name: string; class: string }[];
  assignments: readonly {
    operationId: string;
    workOrderId: string;
    workOrderNo: string;
    orderId: string;
    orderNo: string;
    seq: number;
    operationCode: string;
    operationStatus: string;
    equipmentId: string;
    start: Date | string;
    end: Date | string;
    setupMinutes: number;
    locked: boolean;
    batchKey: string | null;
    dueDate: Date | string;
    eligibleEquipmentIds?: readonly string[];
  }[];
  explanations: readonly { workOrderId: string }[];
  downtimes?: readonly {
    equipmentId: string;
    kind: string;
    start: Date | string;
    end: Date | string | null;
    reason: string;
  }[];
}

const ms = (v: Date | string) => (v instanceof Date ? v.getTime() : Date.parse(v));
const STATUSES = new Set(['pending', 'in_progress', 'done', 'cancelled']);

/**
 * Plan version -> Gantt rows and bars: one row per machine of the plant (by code), one bar per operation coloured
 * by its sales order, late when its work order is explained as late, eligible machines from the plan or from
 * `eligible` (operation id -> equipment ids), the order `highlightOrderId` emphasised.
 */
export function planToGantt(
  plan: TPlanForGantt,
  opts: {
    eligible?: ReadonlyMap<string, readonly string[]>;
    highlightOrderId?: string | null;
    onlyOrderId?: string | null;
    classLabel?: (cls: string) => string;
  } = {},
): { rows: TGanttRow[]; items: TGanttItem[] } {
  const late = new Set(plan.explanations.map((e) => e.workOrderId));
  const windows = new Map<string, NonNullable<TGanttRow['windows']>[number][]>();
  for (const d of plan.downtimes ?? []) {
    const list = windows.get(d.equipmentId) ?? [];
    list.push({
      start: ms(d.start),
      end: d.end === null ? null : ms(d.end),
      label: d.reason || d.kind,
      kind: d.kind === 'maintenance' ? 'maintenance' : 'breakdown',
    });
    windows.set(d.equipmentId, list);
  }
  const rows: TGanttRow[] = [...plan.equipment]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((e) => ({
      id: e.id,
      label: e.code,
      detail: [e.name, opts.classLabel?.(e.class)].filter(Boolean).join(' · '),
      windows: windows.get(e.id) ?? [],
    }));
  const items: TGanttItem[] = plan.assignments
    .filter((a) => !opts.onlyOrderId || a.orderId === opts.onlyOrderId)
    .map((a) => ({
      id: a.operationId,
      rowId: a.equipmentId,
      start: ms(a.start),
      end: ms(a.end),
      setupMs: Math.max(0, a.setupMinutes) * 60_000,
      label: `${a.workOrderNo} #${a.seq} ${a.operationCode}`,
      detail: a.orderNo,
      locked: a.locked,
      batchKey: a.batchKey,
      eligibleRowIds: a.eligibleEquipmentIds ?? opts.eligible?.get(a.operationId) ?? [a.equipmentId],
      colorKey: a.orderId,
      late: late.has(a.workOrderId),
      status: STATUSES.has(a.operationStatus) ? (a.operationStatus as TGanttItem['status']) : 'pending',
      highlight: Boolean(opts.highlightOrderId) && a.orderId === opts.highlightOrderId,
    }));
  return { rows, items };
}
