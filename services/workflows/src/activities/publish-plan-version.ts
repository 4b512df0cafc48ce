import { withTenant } from '@ingot/db';
import { publishPlan, systemPlanningScope } from '@ingot/domain';
import type { ActivityDeps } from './deps.ts';

export interface TPublishPlanVersionInput {
  tenantId: string;
  planVersionId: string;
}

export interface TPublishPlanVersionResult {
  planVersionId: string;
  version: number;
  changed: boolean;
  plannedOrderNos: string[];
}

/** Publish a draft (idempotent: publishing a published version again changes nothing). */
export function publishPlanVersionActivity({ db, hooks }: ActivityDeps) {
  return async function publishPlanVersion(
    input: TPublishPlanVersionInput,
  ): Promise<TPublishPlanVersionResult> {
    const result = await withTenant(db, { tenantId: input.tenantId }, (tx) =>
      publishPlan(tx, systemPlanningScope(input.tenantId, `publish:${input.planVersionId}`), {
        planVersionId: input.planVersionId,
      }),
    );
    await hooks?.afterCommit?.('publishPlanVersion');
    return {
      planVersionId: result.planVersionId,
      version: result.version,
      changed: result.changed,
      plannedOrderNos: result.plannedOrderNos,
    };
  };
}
