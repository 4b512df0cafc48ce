export interface TAreaDto {
  id: string;
  plantId: string;
  code: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export function toAreaDto(row: TAreaDto): TAreaDto {
  return {
    id: row.id,
    plantId: row.plantId,
    code: row.code,
    name: row.name,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
