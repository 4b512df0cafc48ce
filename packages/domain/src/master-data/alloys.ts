import type {
  TComposition,
  TCreateAlloyInput,
  TListAlloysInput,
  TMetalFamily,
  TSetActiveInput,
  TUpdateAlloyInput,
} from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { changedFields } from '../audit/changed-fields.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

export interface TAlloyDto {
  id: string;
  code: string;
  family: TMetalFamily;
  name: string;
  standard: string;
  density: number | null;
  composition: TComposition;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

type TAlloyRow = Omit<TAlloyDto, 'composition'> & { composition: unknown };

export function toAlloyDto(row: TAlloyRow): TAlloyDto {
  const composition =
    row.composition && typeof row.composition === 'object' ? (row.composition as TComposition) : {};
  return {
    id: row.id,
    code: row.code,
    family: row.family,
    name: row.name,
    standard: row.standard,
    density: row.density,
    composition,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const duplicate = {
  unique: { field: 'code', message: 'an alloy with this code already exists', params: { entity: 'alloy' } },
};

/** The tenant's alloy (any state), or NOT_FOUND on `field` — the same answer as for another tenant's id. */
export async function findAlloy(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const row = await tx.alloy.findFirst({ where: { id, ...tenantFilter(ctx) } });
  if (!row) throw DomainError.notFound('alloy', field);
  return row;
}

export async function listAlloys(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListAlloysInput,
): Promise<TAlloyDto[]> {
  const rows = await tx.alloy.findMany({
    where: {
      ...tenantFilter(ctx),
      ...(input.family ? { family: input.family } : {}),
      ...(input.includeInactive ? {} : { active: true }),
    },
    orderBy: [{ family: 'asc' }, { code: 'asc' }],
  });
  return rows.map(toAlloyDto);
}

export async function getAlloy(tx: TenantTx, ctx: TTenantContext, input: { id: string }): Promise<TAlloyDto> {
  return toAlloyDto(await findAlloy(tx, ctx, input.id));
}

export async function createAlloy(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateAlloyInput,
): Promise<TAlloyDto> {
  const row = await tx.alloy
    .create({ data: { tenantId: ctx.tenantId, ...input } })
    .catch((e: unknown) => rethrowConstraintViolation(e, duplicate));
  await recordAuditEvent(tx, ctx, {
    action: 'masterData.alloy.create',
    targetType: 'alloy',
    targetId: row.id,
    details: { code: row.code, family: row.family },
  });
  return toAlloyDto(row);
}

export async function updateAlloy(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateAlloyInput,
): Promise<TAlloyDto> {
  const before = await findAlloy(tx, ctx, input.id);
  const { id, ...changes } = input;
  const row = await tx.alloy
    .update({ where: { id: before.id, ...tenantFilter(ctx) }, data: changes })
    .catch((e: unknown) => rethrowConstraintViolation(e, duplicate));
  await recordAuditEvent(tx, ctx, {
    action: 'masterData.alloy.update',
    targetType: 'alloy',
    targetId: id,
    details: { code: row.code, changed: changedFields(changes) },
  });
  return toAlloyDto(row);
}

/** Deactivates (or reactivates) an alloy: it stays on existing specs and orders, but new specs cannot use it. */
export async function setAlloyActive(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TSetActiveInput,
): Promise<TAlloyDto> {
  const before = await findAlloy(tx, ctx, input.id);
  const row = await tx.alloy.update({
    where: { id: before.id, ...tenantFilter(ctx) },
    data: { active: input.active },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'masterData.alloy.setActive',
    targetType: 'alloy',
    targetId: row.id,
    details: { code: row.code, active: row.active },
  });
  return toAlloyDto(row);
}
