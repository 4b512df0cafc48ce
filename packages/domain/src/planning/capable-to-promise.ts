import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import type { Job, SchedulingInstance } from '../scheduling/model.ts';
import { solveSchedule } from '../scheduling/solve-schedule.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { gatherPlanningProblem } from './gather-planning-problem.ts';
import { MINUTE_MS } from './planning-rules.ts';
import type { TPlanningScope } from './planning-scope.ts';

/** What capable-to-promise answers for one order line. */
export interface TCapableToPromiseLine {
  lineId: string;
  lineNo: number;
  requestedDate: Date;
  /** When the plan can finish the line's last work order. */
  earliestCompletion: Date;
  /** What to promise: the requested date when it can be met, else the earliest completion (rounded up to the hour). */
  promisedDate: Date;
  meetsRequestedDate: boolean;
  workOrders: { workOrderId: string; workOrderNo: string; completion: Date }[];
}

/** The answer of `capableToPromise`: a promised date per line and for the whole order (its latest line). */
export interface TCapableToPromiseResult {
  orderId: string;
  orderNo: string;
  promisedDate: Date;
  meetsRequestedDate: boolean;
  lines: TCapableToPromiseLine[];
  /** The published plan the order was fitted into (null: none yet, every open work order was planned together). */
  basedOnPlanVersionId: string | null;
  computedAt: Date;
  solver: { elapsedMs: number; iterations: number };
  /** The same per line in the shape order confirmation's `TPromiseDateProvider` reads (packages/domain/src/order). */
  perLine: { lineId: string; promisedDate: Date; earliestFinish: Date }[];
  /** Which rule computed it (shown in the order's timeline). */
  method: 'finite-capacity-on-published-plan' | 'finite-capacity-all-open-work';
}

export interface TCapableToPromiseInput {
  orderId: string;
  /** Solver budget (default 1500 ms: it runs inside the caller's transaction). */
  timeLimitMs?: number;
  now?: Date;
}

const HOUR_MS = 3_600_000;

/**
 * Capable-to-promise: plans the order's work orders into the current (published) plan with everything else
 * frozen where that plan has it (operations running, locked or planned from now on keep machine and start; only
 * work the old plan had scheduled in the past floats), under a short time limit, and returns the promised date
 * per line and overall. Work orders of other orders that are not in the published plan are left out (they hold no
 * capacity yet: first confirmed, first served). Without a published plan, every open work order is planned
 * together. Nothing is written: the next planning run places the order for real.
 *
 * O1 calls this from order confirmation. Errors: NOT_FOUND (order not in scope), BAD_REQUEST on `orderId` when the
 * order is closed or a line has no work order yet.
 */
export async function capableToPromise(
  tx: TenantTx,
  scope: TPlanningScope,
  input: TCapableToPromiseInput,
): Promise<TCapableToPromiseResult> {
  const order = await tx.salesOrder.findFirst({
    where: { id: input.orderId, ...tenantFilter(scope), AND: [plantScopeOnChild(scope)] },
    select: {
      id: true,
      orderNo: true,
      plantId: true,
      status: true,
      lines: {
        orderBy: { lineNo: 'asc' },
        where: { status: { not: 'cancelled' } },
        select: {
          id: true,
          lineNo: true,
          requestedDate: true,
          workOrders: { where: { status: { not: 'cancelled' } }, select: { id: true, workOrderNo: true } },
        },
      },
    },
  });
  if (!order) throw DomainError.notFound('order', 'orderId');
  if (order.status === 'cancelled' || order.status === 'shipped') {
    throw new DomainError(
      'BAD_REQUEST',
      `order ${order.orderNo} is ${order.status}: nothing to promise`,
      'orderId',
    );
  }
  const missing = order.lines.filter((l) => l.workOrders.length === 0).map((l) => l.lineNo);
  if (order.lines.length === 0 || missing.length) {
    throw new DomainError(
      'BAD_REQUEST',
      order.lines.length === 0
        ? `order ${order.orderNo} has no lines`
        : `order ${order.orderNo} line(s) ${missing.join(', ')} have no work orders yet; generate them first`,
      'orderId',
    );
  }
  const ownIds = new Set(order.lines.flatMap((l) => l.workOrders.map((w) => w.id)));
  // Everything the published plan holds is frozen: a frozen horizon as long as the planning horizon.
  const problem = await gatherPlanningProblem(tx, scope, {
    plantId: order.plantId,
    frozenMinutes: 400 * 1440,
    ...(input.now ? { now: input.now } : {}),
  });
  const hasPlan = problem.basePlanVersionId !== null;
  const fixedJobs = new Set(
    Object.values(problem.operations)
      .filter((o) => o.fixing !== 'free' && o.fixing !== 'locked_machine')
      .map((o) => o.workOrderId),
  );
  const jobs: Job[] = problem.instance.jobs
    .filter((j) => ownIds.has(j.id) || !hasPlan || fixedJobs.has(j.id))
    .map((j) => (ownIds.has(j.id) ? { ...j, weight: 1 } : j));
  const planned = new Set(jobs.map((j) => j.id));
  for (const id of ownIds) {
    if (!planned.has(id)) {
      throw new DomainError(
        'BAD_REQUEST',
        `order ${order.orderNo} has work orders that cannot be planned in its plant`,
        'orderId',
      );
    }
  }
  const frozen = problem.instance.frozen;
  const instance: SchedulingInstance = {
    ...problem.instance,
    jobs,
    objective: { weightedTardiness: 1, makespan: 0.001 },
    ...(frozen
      ? {
          frozen: {
            ...frozen,
            plan: {
              operations: frozen.plan.operations.filter((p) => !ownIds.has(p.jobId) && planned.has(p.jobId)),
            },
          },
        }
      : {}),
  };
  const result = solveSchedule(instance, { timeLimitMs: input.timeLimitMs ?? 1_500, seed: 1 });
  const originMs = Date.parse(problem.origin);
  const completion = new Map<string, number>();
  for (const s of result.schedule.operations) {
    if (ownIds.has(s.jobId)) completion.set(s.jobId, Math.max(completion.get(s.jobId) ?? 0, s.end));
  }
  const atHour = (min: number) => new Date(Math.ceil((originMs + min * MINUTE_MS) / HOUR_MS) * HOUR_MS);
  const lines: TCapableToPromiseLine[] = order.lines.map((l) => {
    const workOrders = l.workOrders.map((w) => ({
      workOrderId: w.id,
      workOrderNo: w.workOrderNo,
      completion: new Date(originMs + (completion.get(w.id) ?? 0) * MINUTE_MS),
    }));
    const latest = Math.max(...l.workOrders.map((w) => completion.get(w.id) ?? 0));
    const earliestCompletion = atHour(latest);
    const meets = earliestCompletion.getTime() <= l.requestedDate.getTime();
    return {
      lineId: l.id,
      lineNo: l.lineNo,
      requestedDate: l.requestedDate,
      earliestCompletion,
      promisedDate: meets ? l.requestedDate : earliestCompletion,
      meetsRequestedDate: meets,
      workOrders,
    };
  });
  const promised = lines.reduce(
    (a, l) => (l.promisedDate > a ? l.promisedDate : a),
    lines[0]?.promisedDate as Date,
  );
  return {
    orderId: order.id,
    orderNo: order.orderNo,
    promisedDate: promised,
    meetsRequestedDate: lines.every((l) => l.meetsRequestedDate),
    lines,
    basedOnPlanVersionId: problem.basePlanVersionId,
    computedAt: new Date(originMs),
    solver: { elapsedMs: Math.round(result.stats.elapsedMs), iterations: result.stats.iterations },
    perLine: lines.map((l) => ({
      lineId: l.lineId,
      promisedDate: l.promisedDate,
      earliestFinish: l.earliestCompletion,
    })),
    method: hasPlan ? 'finite-capacity-on-published-plan' : 'finite-capacity-all-open-work',
  };
}
