import type { TEquipmentClass } from '@ingot/contracts';

export type TEquipmentAttributeValue = string | number | boolean | null;
export type TEquipmentAttributeMap = Record<string, TEquipmentAttributeValue>;

export interface TEquipmentDto {
  id: string;
  plantId: string;
  workCenterId: string;
  code: string;
  name: string;
  class: TEquipmentClass;
  attributes: TEquipmentAttributeMap;
  createdAt: Date;
  updatedAt: Date;
}

function toAttributes(json: unknown): TEquipmentAttributeMap {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
  const out: TEquipmentAttributeMap = {};
  for (const [k, v] of Object.entries(json)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

export function toEquipmentDto(
  row: Omit<TEquipmentDto, 'attributes'> & { attributes: unknown },
): TEquipmentDto {
  return {
    id: row.id,
    plantId: row.plantId,
    workCenterId: row.workCenterId,
    code: row.code,
    name: row.name,
    class: row.class,
    attributes: toAttributes(row.attributes),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
