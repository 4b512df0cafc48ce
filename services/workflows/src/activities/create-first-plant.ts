import { deterministicId, withTenant } from '@ingot/db';
import { ApplicationFailure } from '@temporalio/activity';
import { FAILURE_TYPES } from '../workflows/failure-types.ts';
import type { ActivityDeps } from './deps.ts';

export interface TCreateFirstPlantInput {
  tenantId: string;
  code: string;
  name: string;
  timezone: string;
}
export interface TCreateFirstPlantResult {
  plantId: string;
}

/** The plant id a tenant's plant of this code gets when the provisioning workflow creates it. */
export function firstPlantId(tenantId: string, code: string): string {
  return deterministicId(tenantId, `plant:${code}`);
}

/**
 * Insert the tenant's first plant (id derived from tenant and code) or return the plant that already has this
 * code, whoever created it.
 */
export function createFirstPlantActivity({ db, hooks }: ActivityDeps) {
  return async function createFirstPlant(input: TCreateFirstPlantInput): Promise<TCreateFirstPlantResult> {
    const { tenantId, code } = input;
    const plant = await withTenant(db, { tenantId }, async (tx) => {
      await tx.plant.createMany({
        data: [
          { id: firstPlantId(tenantId, code), tenantId, code, name: input.name, timezone: input.timezone },
        ],
        skipDuplicates: true,
      });
      return tx.plant.findUnique({ where: { tenantId_code: { tenantId, code } }, select: { id: true } });
    });
    if (!plant) {
      throw ApplicationFailure.nonRetryable(
        `plant ${code} of tenant ${tenantId} neither inserted nor found`,
        FAILURE_TYPES.conflict,
      );
    }
    await hooks?.afterCommit?.('createFirstPlant');
    return { plantId: plant.id };
  };
}
