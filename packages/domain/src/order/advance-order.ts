import type { TAdvanceOrderInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { getOrder } from './get-order.ts';
import type { TOrderDetailDto } from './order-dto.ts';
import { advanceOrderStatus } from './order-status.ts';

/** `order.advance`: a person moves an order one step (e.g. quality release -> ready), with its audit row. */
export async function advanceOrder(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TAdvanceOrderInput,
): Promise<TOrderDetailDto> {
  const change = await advanceOrderStatus(tx, ctx, input.id, input.toStatus, input.reason);
  await recordAuditEvent(tx, ctx, {
    action: 'order.advance',
    targetType: 'sales_order',
    targetId: input.id,
    details: { from: change.fromStatus, to: change.toStatus, changed: change.changed, reason: input.reason },
  });
  return getOrder(tx, ctx, { id: input.id });
}
