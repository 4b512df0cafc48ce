import type { TenantTx } from '@ingot/db';
import * as spc from '../spc/index.ts';

type TMonitor = (
  tx: TenantTx,
  input: { tenantId: string; plantId: string; characteristicIds: string[] },
) => Promise<unknown>;

/**
 * Hands newly stored results to SPC monitoring (phase II points, rule hits -> alarms) in the same transaction.
 * Looked up by name so the lab keeps working while the SPC module's monitoring is not there yet.
 */
export async function notifySpcOfResults(
  tx: TenantTx,
  input: { tenantId: string; plantId: string; characteristicIds: string[] },
): Promise<void> {
  const monitor = (spc as unknown as { monitorSpcCharts?: TMonitor }).monitorSpcCharts;
  if (typeof monitor === 'function' && input.characteristicIds.length > 0) await monitor(tx, input);
}
