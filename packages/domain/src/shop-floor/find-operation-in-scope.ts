import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/**
 * A work order operation inside the caller's tenant and plant scope (the plant of its work order), with its work
 * order, routing step and order line; else NOT_FOUND on `field`.
 */
export async function findOperationInScope(
  tx: TenantTx,
  ctx: TTenantContext,
  id: string,
  field = 'operationId',
) {
  const operation = await tx.workOrderOperation.findFirst({
    where: {
      id,
      ...tenantFilter(ctx),
      workOrder: { ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
    },
    include: {
      step: { select: { name: true, yield: true, seq: true, recipe: true } },
      workOrder: {
        include: {
          plant: { select: { id: true, code: true, timezone: true } },
          orderLine: {
            select: {
              id: true,
              orderId: true,
              order: { select: { id: true, orderNo: true, status: true } },
              spec: {
                select: {
                  code: true,
                  productFamily: true,
                  alloyId: true,
                  temperId: true,
                  thicknessMm: true,
                  widthMm: true,
                  lengthMm: true,
                  coilWeightKg: true,
                  alloy: { select: { code: true } },
                  temper: { select: { code: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!operation) throw DomainError.notFound('operation', field);
  return operation;
}

export type TScopedOperation = Awaited<ReturnType<typeof findOperationInScope>>;
