import type { TLocale, TTenantKind } from '@ingot/contracts';

export interface TTenantDto {
  id: string;
  slug: string;
  name: string;
  kind: TTenantKind;
  defaultLocale: TLocale;
  status: 'active' | 'suspended';
  requireSecondFactor: boolean;
  createdAt: Date;
}

export function toTenantDto(row: {
  id: string;
  slug: string;
  name: string;
  kind: TTenantKind;
  defaultLocale: string;
  status: 'active' | 'suspended';
  requireSecondFactor: boolean;
  createdAt: Date;
}): TTenantDto {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    defaultLocale: row.defaultLocale === 'en' ? 'en' : 'zh-CN',
    status: row.status,
    requireSecondFactor: row.requireSecondFactor,
    createdAt: row.createdAt,
  };
}
