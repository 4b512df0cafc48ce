import type { TAddress } from '@ingot/contracts';

export interface TPlantDto {
  id: string;
  code: string;
  name: string;
  timezone: string;
  address: TAddress;
  createdAt: Date;
  updatedAt: Date;
}

const EMPTY_ADDRESS: TAddress = { line1: '', city: '', province: '', postalCode: '', country: 'CN' };

export function toPlantDto(row: {
  id: string;
  code: string;
  name: string;
  timezone: string;
  address: unknown;
  createdAt: Date;
  updatedAt: Date;
}): TPlantDto {
  const address =
    row.address && typeof row.address === 'object'
      ? { ...EMPTY_ADDRESS, ...(row.address as object) }
      : EMPTY_ADDRESS;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    timezone: row.timezone,
    address: address as TAddress,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
