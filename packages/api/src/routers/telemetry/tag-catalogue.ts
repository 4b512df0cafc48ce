import type { TEquipmentClass, TTagCatalogueInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '@ingot/domain';
import type { TelemetryStore } from '@ingot/telemetry';
import { findTelemetryPlant, plantEquipment } from './find-telemetry-plant.ts';
import { requireTelemetryStore } from './require-telemetry-store.ts';

export interface TCatalogueTag {
  tag: string;
  /** Newest sample: a tag whose latest sample is text (coil id, die id) cannot be trended. */
  lastTs: Date;
  numeric: boolean;
}

export interface TCatalogueEquipment {
  code: string;
  /** From the plant's hierarchy; null for a source the hierarchy does not list (an energy meter, a sensor). */
  id: string | null;
  name: string | null;
  class: TEquipmentClass | null;
  tags: TCatalogueTag[];
}

export interface TTagCatalogue {
  plant: { id: string; code: string; name: string; timezone: string };
  /** Equipment that has data, by code, each with its tags by name. */
  equipment: TCatalogueEquipment[];
}

/** Which equipment and tags of the plant have data in the store (for the trends page's tag picker). */
export async function getTagCatalogue(
  tx: TenantTx,
  scope: TTenantContext,
  telemetry: TelemetryStore | null,
  input: TTagCatalogueInput,
): Promise<TTagCatalogue> {
  const plant = await findTelemetryPlant(tx, scope, input.plantId);
  // After the plant check: another tenant's plant is NOT_FOUND whether or not telemetry runs here.
  const store = requireTelemetryStore(telemetry);
  const known = new Map((await plantEquipment(tx, scope, plant.id)).map((e) => [e.code, e]));
  const byCode = new Map<string, TCatalogueTag[]>();
  for (const v of await store.latest(scope.tenantId, { plantId: plant.id })) {
    const tags = byCode.get(v.equipment) ?? [];
    tags.push({ tag: v.tag, lastTs: v.ts, numeric: v.text === null });
    byCode.set(v.equipment, tags);
  }
  const equipment = [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, tags]) => {
      const e = known.get(code);
      return {
        code,
        id: e?.id ?? null,
        name: e?.name ?? null,
        class: e?.class ?? null,
        tags: tags.sort((a, b) => a.tag.localeCompare(b.tag)),
      };
    });
  return { plant, equipment };
}
