import type { TListAlarmRulesInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { type TAlarmRuleDto, toAlarmRuleDto } from './alarm-rule-dto.ts';

/** Rules of the plants the member may see, by plant, equipment and name. */
export async function listAlarmRules(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListAlarmRulesInput = {},
): Promise<TAlarmRuleDto[]> {
  const rows = await tx.alarmRule.findMany({
    where: {
      ...tenantFilter(ctx),
      ...(input.plantId ? { plantId: input.plantId } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      AND: [plantScopeOnChild(ctx)],
    },
    orderBy: [{ plantId: 'asc' }, { equipment: 'asc' }, { name: 'asc' }],
    take: 1000,
  });
  return rows.map(toAlarmRuleDto);
}
