import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/** The rule with this id in the caller's tenant and plant scope; otherwise NOT_FOUND, like a missing one. */
export async function findAlarmRuleInScope(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const row = await tx.alarmRule.findFirst({
    where: { id, ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
  });
  if (!row) throw DomainError.notFound('alarm rule', field);
  return row;
}
