import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';

/** The demo tenants' alarm rules on the simulated equipment; idempotent. Filled by the alarms work (issue 4). */
export async function seedDemoAlarms(
  _tx: TenantTx,
  _ctx: TTenantContext,
  _slug: string,
  _plants: Record<string, string>,
): Promise<void> {}
