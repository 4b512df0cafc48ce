import type { TenantTx } from '@ingot/db';
import { monitorSpcCharts } from '../spc/monitor-spc-charts.ts';

/**
 * Hands newly stored results to SPC phase II monitoring (rule hits raise alarms) in the transaction that stored
 * them, so an alarm exists exactly when its results do.
 */
export async function notifySpcOfResults(
  tx: TenantTx,
  input: { tenantId: string; plantId: string; characteristicIds: string[] },
): Promise<void> {
  if (input.characteristicIds.length > 0) await monitorSpcCharts(tx, input);
}
