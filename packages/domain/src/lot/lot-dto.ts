import type { TLotDimensions, TLotKind, TLotStatus } from '@ingot/contracts';

/** What lot reads include, so every DTO carries the codes a person reads (alloy, temper, plant, work order). */
export const lotInclude = {
  alloy: { select: { code: true } },
  temper: { select: { code: true } },
  plant: { select: { code: true } },
  workOrder: { select: { workOrderNo: true } },
  operation: { select: { operationCode: true, seq: true } },
} as const;

export interface TLotDto {
  id: string;
  plantId: string;
  plantCode: string;
  lotNo: string;
  kind: TLotKind;
  status: TLotStatus;
  weightKg: number;
  alloyId: string | null;
  alloyCode: string | null;
  temperId: string | null;
  temperCode: string | null;
  heatNo: string | null;
  castNo: string | null;
  dimensions: TLotDimensions;
  location: string;
  workOrderId: string | null;
  workOrderNo: string | null;
  operationId: string | null;
  operationCode: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TLotRow {
  id: string;
  plantId: string;
  lotNo: string;
  kind: TLotKind;
  status: TLotStatus;
  weightKg: number;
  alloyId: string | null;
  temperId: string | null;
  heatNo: string | null;
  castNo: string | null;
  dimensions: unknown;
  location: string;
  workOrderId: string | null;
  operationId: string | null;
  createdAt: Date;
  updatedAt: Date;
  alloy?: { code: string } | null;
  temper?: { code: string } | null;
  plant?: { code: string } | null;
  workOrder?: { workOrderNo: string } | null;
  operation?: { operationCode: string } | null;
}

const DIMENSION_KEYS = [
  'thicknessMm',
  'widthMm',
  'lengthM',
  'innerDiameterMm',
  'outerDiameterMm',
  'diameterMm',
] as const;

/** The dimensions JSON, keeping only known keys with finite numbers. */
export function toDimensions(json: unknown): TLotDimensions {
  const out: TLotDimensions = {};
  if (!json || typeof json !== 'object' || Array.isArray(json)) return out;
  const source = json as Record<string, unknown>;
  for (const key of DIMENSION_KEYS) {
    const v = source[key];
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = v;
  }
  return out;
}

export function toLotDto(row: TLotRow): TLotDto {
  return {
    id: row.id,
    plantId: row.plantId,
    plantCode: row.plant?.code ?? '',
    lotNo: row.lotNo,
    kind: row.kind,
    status: row.status,
    weightKg: row.weightKg,
    alloyId: row.alloyId,
    alloyCode: row.alloy?.code ?? null,
    temperId: row.temperId,
    temperCode: row.temper?.code ?? null,
    heatNo: row.heatNo,
    castNo: row.castNo,
    dimensions: toDimensions(row.dimensions),
    location: row.location,
    workOrderId: row.workOrderId,
    workOrderNo: row.workOrder?.workOrderNo ?? null,
    operationId: row.operationId,
    operationCode: row.operation?.operationCode ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
