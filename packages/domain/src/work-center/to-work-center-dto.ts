import type { WORK_CENTER_KINDS } from '@ingot/contracts';

export type TWorkCenterKind = (typeof WORK_CENTER_KINDS)[number];

export interface TWorkCenterDto {
  id: string;
  plantId: string;
  areaId: string;
  code: string;
  name: string;
  kind: TWorkCenterKind;
  createdAt: Date;
  updatedAt: Date;
}

export function toWorkCenterDto(row: TWorkCenterDto): TWorkCenterDto {
  return {
    id: row.id,
    plantId: row.plantId,
    areaId: row.areaId,
    code: row.code,
    name: row.name,
    kind: row.kind,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
