import type { TTelemetrySeriesInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '@ingot/domain';
import type { Series, TelemetryStore } from '@ingot/telemetry';
import { findTelemetryPlant } from './find-telemetry-plant.ts';
import { requireTelemetryStore } from './require-telemetry-store.ts';
import { withTelemetryInputErrors } from './telemetry-input-errors.ts';

export interface TTrendSeries extends Series {
  equipment: string;
  tag: string;
}

export interface TTelemetrySeriesResult {
  plantId: string;
  timezone: string;
  from: Date;
  to: Date;
  series: TTrendSeries[];
}

/**
 * Several tags of one plant over [from, to), each downsampled by the store to `widthPx` buckets (min/max/avg),
 * buckets of an hour or more aligned to the plant's local days. The plant is looked up in the caller's tenant and
 * plant scope first (NOT_FOUND on `plantId` otherwise); the store queries take the caller's tenant.
 */
export async function getTelemetrySeries(
  tx: TenantTx,
  scope: TTenantContext,
  telemetry: TelemetryStore | null,
  input: TTelemetrySeriesInput,
): Promise<TTelemetrySeriesResult> {
  const plant = await findTelemetryPlant(tx, scope, input.plantId);
  // After the plant check: another tenant's plant is NOT_FOUND whether or not telemetry runs here.
  const store = requireTelemetryStore(telemetry);
  const series: TTrendSeries[] = [];
  // One after the other: the embedded engine runs one query at a time anyway, and a server is spared a burst.
  for (const ref of input.series) {
    const s = await withTelemetryInputErrors(() =>
      store.series(scope.tenantId, {
        plantId: plant.id,
        equipment: ref.equipment,
        tag: ref.tag,
        from: input.from,
        to: input.to,
        widthPx: input.widthPx,
        timeZone: plant.timezone,
      }),
    );
    series.push({ equipment: ref.equipment, tag: ref.tag, ...s });
  }
  return { plantId: plant.id, timezone: plant.timezone, from: input.from, to: input.to, series };
}
