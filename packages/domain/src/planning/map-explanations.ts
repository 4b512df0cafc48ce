import type { DelayCause, LatenessExplanation } from '../scheduling/explain-lateness.ts';
import type { TPlanningProblem } from './gather-planning-problem.ts';
import { MINUTE_MS } from './planning-rules.ts';

/** One step of a late work order's delay chain, in the plant's vocabulary. */
export interface TPlanDelayCause {
  kind: DelayCause['kind'];
  workOrderNo: string;
  seq: number | null;
  operationCode: string | null;
  equipmentCode: string | null;
  /** machine-busy: who held the machine; batch-wait: whose arrival the charge waited for. */
  blockingWorkOrderNo: string | null;
  blockingOrderNo: string | null;
  minutes: number;
  /** downtime: the window; fixed-start / release: the instant. */
  from: string | null;
  to: string | null;
}

/** Why a work order is late (PlanVersion.explanations holds one per late work order). */
export interface TPlanExplanation {
  workOrderId: string;
  workOrderNo: string;
  orderId: string;
  orderNo: string;
  dueDate: string;
  completion: string;
  tardinessMin: number;
  weight: number;
  /** The first MAX_CAUSES links of the delay chain, from the work order's end backwards. */
  causes: TPlanDelayCause[];
  /** Links of the chain left out of `causes`. */
  moreCauses: number;
  /** Orders whose work held this one up most, with minutes. */
  blockedBy: { orderNo: string; workOrderNo: string; minutes: number }[];
  totalsMin: LatenessExplanation['totals'];
  summary: { en: string; zh: string };
}

/** Causes kept per late work order (the chain's links closest to its completion). */
export const MAX_CAUSES = 12;

/** Maps the solver's explanations (ids, model minutes) to order and work-order numbers and instants. */
export function mapExplanations(
  problem: TPlanningProblem,
  explanations: LatenessExplanation[],
): TPlanExplanation[] {
  const originMs = Date.parse(problem.origin);
  const at = (min: number) => new Date(originMs + min * MINUTE_MS).toISOString();
  const woNo = (jobId: string) => problem.workOrders[jobId]?.workOrderNo ?? jobId;
  const orderNo = (jobId: string) => problem.workOrders[jobId]?.orderNo ?? '';
  const eq = (id: string) => problem.equipment[id]?.code ?? id;
  return explanations.map((x) => {
    const wo = problem.workOrders[x.jobId];
    // The chain can run through dozens of other work orders; the planner reads the closest links (totals cover all).
    const causes = x.chain.slice(0, MAX_CAUSES).map((c): TPlanDelayCause => {
      const op = 'operationId' in c ? problem.operations[c.operationId] : undefined;
      const base: TPlanDelayCause = {
        kind: c.kind,
        workOrderNo: woNo(c.jobId),
        seq: op?.seq ?? null,
        operationCode: op?.operationCode ?? null,
        equipmentCode: 'machineId' in c ? eq(c.machineId) : null,
        blockingWorkOrderNo: null,
        blockingOrderNo: null,
        minutes: 0,
        from: null,
        to: null,
      };
      switch (c.kind) {
        case 'machine-busy':
          return {
            ...base,
            blockingWorkOrderNo: woNo(c.blockingJobId),
            blockingOrderNo: orderNo(c.blockingJobId),
            minutes: c.waited,
          };
        case 'batch-wait':
          return {
            ...base,
            blockingWorkOrderNo: woNo(c.waitedForJobId),
            blockingOrderNo: orderNo(c.waitedForJobId),
            minutes: c.waited,
          };
        case 'downtime':
          return { ...base, minutes: c.waited, from: at(c.window.start), to: at(c.window.end) };
        case 'setup':
        case 'processing':
          return { ...base, minutes: c.duration };
        case 'fixed-start':
          return { ...base, from: at(c.start) };
        case 'release':
          return { ...base, from: at(c.releaseDate) };
        default:
          return base;
      }
    });
    const blockedBy = x.blockingJobs
      .slice(0, 5)
      .map((b) => ({ orderNo: orderNo(b.jobId), workOrderNo: woNo(b.jobId), minutes: Math.round(b.waited) }));
    const t = x.totals;
    const reasons: { en: string; zh: string; min: number }[] = [
      { en: 'waiting for busy equipment', zh: '等待设备空闲', min: t.machineBusy },
      { en: 'equipment downtime', zh: '设备停机', min: t.downtime },
      { en: 'setups', zh: '换产调整', min: t.setup },
      { en: 'waiting for a furnace charge', zh: '等待凑炉', min: t.batchWait },
      { en: 'material release', zh: '来料释放时间', min: t.release },
    ]
      .filter((r) => r.min > 0)
      .sort((a, b) => b.min - a.min);
    const top = reasons[0];
    const h = (min: number) => Math.round((min / 60) * 10) / 10;
    const who = blockedBy[0] ? ` (most by order ${blockedBy[0].orderNo})` : '';
    const whoZh = blockedBy[0] ? `(主要被订单 ${blockedBy[0].orderNo} 占用)` : '';
    return {
      workOrderId: x.jobId,
      workOrderNo: woNo(x.jobId),
      orderId: wo?.orderId ?? '',
      orderNo: wo?.orderNo ?? '',
      dueDate: at(x.dueDate),
      completion: at(x.completion),
      tardinessMin: Math.round(x.tardiness),
      weight: x.weight,
      causes,
      moreCauses: Math.max(0, x.chain.length - MAX_CAUSES),
      blockedBy,
      totalsMin: t,
      summary: {
        en: `${woNo(x.jobId)} finishes ${h(x.tardiness)} h late${top ? `, mainly ${top.en} (${h(top.min)} h)${top.en === 'waiting for busy equipment' ? who : ''}` : ''}.`,
        zh: `${woNo(x.jobId)} 预计延误 ${h(x.tardiness)} 小时${top ? `,主要原因:${top.zh}(${h(top.min)} 小时)${top.en === 'waiting for busy equipment' ? whoZh : ''}` : ''}。`,
      },
    };
  });
}
