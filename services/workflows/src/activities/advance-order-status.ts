import { withTenant } from '@ingot/db';
import { advanceOrderStatusBridge, systemPlanningScope, type TLifecycleStatus } from '@ingot/domain';
import type { ActivityDeps } from './deps.ts';

export interface TAdvanceOrderStatusInput {
  tenantId: string;
  orderId: string;
  to: TLifecycleStatus;
  kind: string;
  /** Idempotency key (workflow id + event id). */
  key: string;
  actorUserId: string | null;
}

export interface TAdvanceOrderStatusResult {
  status: string;
  changed: boolean;
}

/**
 * Moves the order forward through the order module's status rule (the call site in
 * packages/domain/src/planning/order-status-bridge.ts, which is where O1's advanceOrderStatus plugs in).
 */
export function advanceOrderStatusActivity({ db, hooks }: ActivityDeps) {
  return async function advanceOrderStatus(
    input: TAdvanceOrderStatusInput,
  ): Promise<TAdvanceOrderStatusResult> {
    const uuid = /^[0-9a-f-]{36}$/i;
    const actor = input.actorUserId && uuid.test(input.actorUserId) ? input.actorUserId : null;
    const result = await withTenant(db, { tenantId: input.tenantId }, (tx) =>
      advanceOrderStatusBridge(
        tx,
        { ...systemPlanningScope(input.tenantId, input.key), userId: actor },
        {
          orderId: input.orderId,
          to: input.to,
          kind: input.kind,
          key: input.key,
        },
      ),
    );
    await hooks?.afterCommit?.('advanceOrderStatus');
    return result;
  };
}

export interface TOrderProductionStateInput {
  tenantId: string;
  orderId: string;
}

/** Whether every operation of the order's open work orders is done (production finished). */
export function orderProductionStateActivity({ db }: ActivityDeps) {
  return async function orderProductionState(
    input: TOrderProductionStateInput,
  ): Promise<{ operations: number; done: number; started: number; allDone: boolean }> {
    return withTenant(db, { tenantId: input.tenantId }, async (tx) => {
      const ops = await tx.workOrderOperation.findMany({
        where: {
          tenantId: input.tenantId,
          status: { not: 'cancelled' },
          workOrder: { status: { not: 'cancelled' }, orderLine: { orderId: input.orderId } },
        },
        select: { status: true },
      });
      const done = ops.filter((o) => o.status === 'done').length;
      const started = ops.filter((o) => o.status !== 'pending').length;
      return { operations: ops.length, done, started, allDone: ops.length > 0 && done === ops.length };
    });
  };
}
