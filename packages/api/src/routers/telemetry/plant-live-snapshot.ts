import { LIVE_STALE_AFTER_MS, type TEquipmentClass, type TPlantLiveInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '@ingot/domain';
import type { LatestState, LatestValue, TelemetryQuality, TelemetryStore } from '@ingot/telemetry';
import { findTelemetryPlant, plantEquipment } from './find-telemetry-plant.ts';
import { currentState, type TLiveState } from './live-state.ts';
import { requireTelemetryStore } from './require-telemetry-store.ts';

export interface TLiveTagValue {
  tag: string;
  ts: Date;
  value: number | null;
  text: string | null;
  quality: TelemetryQuality;
}

export interface TLiveEquipment {
  id: string;
  code: string;
  name: string;
  class: TEquipmentClass;
  state: TLiveState;
  /** When the current state began (its event or state sample), null when unknown. */
  stateSince: Date | null;
  /** Newest sample of any tag, null before the first. */
  lastTs: Date | null;
  /** No sample for longer than `staleAfterMs` (or none at all). */
  stale: boolean;
  /** Latest value of every tag, by tag name. */
  values: TLiveTagValue[];
}

export interface TPlantLiveSnapshot {
  plant: { id: string; code: string; name: string; timezone: string };
  at: Date;
  staleAfterMs: number;
  equipment: TLiveEquipment[];
}

/** Joins the plant's equipment (PostgreSQL) with the latest samples and states (the store) into tiles. */
export function assemblePlantSnapshot(
  plant: TPlantLiveSnapshot['plant'],
  equipment: readonly { id: string; code: string; name: string; class: TEquipmentClass }[],
  latest: readonly LatestValue[],
  states: readonly LatestState[],
  now: Date,
): TPlantLiveSnapshot {
  const valuesOf = new Map<string, LatestValue[]>();
  for (const v of latest) {
    const list = valuesOf.get(v.equipment) ?? [];
    list.push(v);
    valuesOf.set(v.equipment, list);
  }
  const stateOf = new Map(states.map((s) => [s.equipment, s]));
  return {
    plant,
    at: now,
    staleAfterMs: LIVE_STALE_AFTER_MS,
    equipment: equipment.map((e) => {
      const values = (valuesOf.get(e.code) ?? []).sort((a, b) => a.tag.localeCompare(b.tag));
      const lastMs = values.reduce((m, v) => Math.max(m, v.ts.getTime()), Number.NEGATIVE_INFINITY);
      const lastTs = Number.isFinite(lastMs) ? new Date(lastMs) : null;
      const st = currentState(
        stateOf.get(e.code),
        values.find((v) => v.tag === 'state'),
      );
      return {
        id: e.id,
        code: e.code,
        name: e.name,
        class: e.class,
        state: st.state,
        stateSince: st.since,
        lastTs,
        stale: lastTs === null || now.getTime() - lastTs.getTime() > LIVE_STALE_AFTER_MS,
        values: values.map((v) => ({
          tag: v.tag,
          ts: v.ts,
          value: v.value,
          text: v.text,
          quality: v.quality,
        })),
      };
    }),
  };
}

/**
 * The plant's live snapshot: its equipment from PostgreSQL (tenant and plant scope in the query: another
 * tenant's plant or one outside the member's plants is NOT_FOUND on `plantId`), then the latest values and states
 * of that plant of the caller's tenant from the store.
 */
export async function getPlantLiveSnapshot(
  tx: TenantTx,
  scope: TTenantContext,
  telemetry: TelemetryStore | null,
  input: TPlantLiveInput,
): Promise<TPlantLiveSnapshot> {
  const plant = await findTelemetryPlant(tx, scope, input.plantId);
  // After the plant check: another tenant's plant is NOT_FOUND whether or not telemetry runs here.
  const store = requireTelemetryStore(telemetry);
  const equipment = await plantEquipment(tx, scope, plant.id);
  const [latest, states] = await Promise.all([
    store.latest(scope.tenantId, { plantId: plant.id }),
    store.latestStates(scope.tenantId, { plantId: plant.id }),
  ]);
  return assemblePlantSnapshot(
    { id: plant.id, code: plant.code, name: plant.name, timezone: plant.timezone },
    equipment,
    latest,
    states,
    new Date(),
  );
}
