import type { TCoilListInput, TCoilQualityParsed } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import {
  coilThicknessQuality,
  DomainError,
  defectMap,
  flatnessSummary,
  resolveCoilTolerance,
  type TCoilThicknessQuality,
  type TCoilTolerance,
  type TDefectMap,
  type TFlatnessSummary,
  type TProfileBin,
  type TTenantContext,
} from '@ingot/domain';
import type { CoilRun, TelemetryStore } from '@ingot/telemetry';
import { findTelemetryPlant } from '../telemetry/find-telemetry-plant.ts';
import { requireTelemetryStore } from '../telemetry/require-telemetry-store.ts';
import { withTelemetryInputErrors } from '../telemetry/telemetry-input-errors.ts';

/** Tags of a cold mill's exit gauge and flatness meter (the simulator's catalogue). */
export const THICKNESS_TAG = 'exit_thickness';
export const FLATNESS_TAG = 'flatness';

export interface TCoilListResult {
  plantId: string;
  timezone: string;
  equipment: string;
  coils: CoilRun[];
}

/** Coils seen on one machine of a plant in [from, to). */
export async function listCoils(
  tx: TenantTx,
  scope: TTenantContext,
  telemetry: TelemetryStore | null,
  input: TCoilListInput,
): Promise<TCoilListResult> {
  const plant = await findTelemetryPlant(tx, scope, input.plantId);
  const store = requireTelemetryStore(telemetry);
  const coils = await withTelemetryInputErrors(() =>
    store.coilList(scope.tenantId, {
      plantId: plant.id,
      equipment: input.equipment,
      from: input.from,
      to: input.to,
    }),
  );
  return { plantId: plant.id, timezone: plant.timezone, equipment: input.equipment, coils };
}

export interface TCoilQualityResult {
  plantId: string;
  equipment: string;
  coil: CoilRun;
  binMetres: number;
  tolerance: TCoilTolerance | null;
  thickness: {
    quality: TCoilThicknessQuality;
    /** Measured thickness per length bin, mm. */
    bins: TProfileBin[];
  };
  flatness: { summary: TFlatnessSummary; limitI: number | null; bins: TProfileBin[] };
  defects: TDefectMap & { missed: number };
}

/**
 * One coil's in-process quality: its thickness along the length against the tolerance (deviation, share of length
 * in tolerance, Cp/Cpk and Pp/Ppk), its flatness and its defect map. The plant is checked in the caller's scope
 * (and a chosen spec in the tenant) before the store is asked; a coil the store never saw there is NOT_FOUND.
 */
export async function getCoilQuality(
  tx: TenantTx,
  scope: TTenantContext,
  telemetry: TelemetryStore | null,
  input: TCoilQualityParsed,
): Promise<TCoilQualityResult> {
  const plant = await findTelemetryPlant(tx, scope, input.plantId);
  const tolerance = await resolveCoilTolerance(tx, scope, {
    plantId: plant.id,
    coilId: input.coilId,
    specId: input.specId,
    tolerance: input.tolerance,
  });
  const store = requireTelemetryStore(telemetry);
  const request = { plantId: plant.id, equipment: input.equipment, coilId: input.coilId, at: input.at };
  const profile = await withTelemetryInputErrors(() =>
    store.coilProfile(scope.tenantId, {
      ...request,
      tags: [THICKNESS_TAG, FLATNESS_TAG],
      binMetres: input.binMetres,
    }),
  );
  if (!profile) throw DomainError.notFound('coil', 'coilId');
  const found = await withTelemetryInputErrors(() => store.coilDefects(scope.tenantId, request));
  const of = (tag: string) => profile.samples.filter((s) => s.tag === tag);
  const binsOf = (tag: string): TProfileBin[] =>
    profile.bins.filter((b) => b.tag === tag).map(({ tag: _tag, ...b }) => b);
  const limitI = input.flatnessLimitI ?? null;
  return {
    plantId: plant.id,
    equipment: input.equipment,
    coil: profile.coil,
    binMetres: profile.binMetres,
    tolerance,
    thickness: {
      quality: coilThicknessQuality(
        of(THICKNESS_TAG),
        tolerance ? { nominal: tolerance.nominalMm, minus: tolerance.minusMm, plus: tolerance.plusMm } : null,
      ),
      bins: binsOf(THICKNESS_TAG),
    },
    flatness: { summary: flatnessSummary(of(FLATNESS_TAG), limitI), limitI, bins: binsOf(FLATNESS_TAG) },
    defects: { ...defectMap(found?.defects ?? [], profile.coil.lengthM), missed: found?.missed ?? 0 },
  };
}
