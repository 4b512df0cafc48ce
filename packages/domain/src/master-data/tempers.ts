import type { TCreateTemperInput, TMetalFamily, TUpdateTemperInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

export interface TTemperDto {
  id: string;
  code: string;
  family: TMetalFamily;
  description: string;
}

export function toTemperDto(row: TTemperDto): TTemperDto {
  return { id: row.id, code: row.code, family: row.family, description: row.description };
}

export async function findTemper(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const row = await tx.temper.findFirst({ where: { id, ...tenantFilter(ctx) } });
  if (!row) throw DomainError.notFound('temper', field);
  return row;
}

export async function listTempers(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { family?: TMetalFamily | undefined },
): Promise<TTemperDto[]> {
  const rows = await tx.temper.findMany({
    where: { ...tenantFilter(ctx), ...(input.family ? { family: input.family } : {}) },
    orderBy: [{ family: 'asc' }, { code: 'asc' }],
  });
  return rows.map(toTemperDto);
}

export async function createTemper(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateTemperInput,
): Promise<TTemperDto> {
  const row = await tx.temper.create({ data: { tenantId: ctx.tenantId, ...input } }).catch((e: unknown) =>
    rethrowConstraintViolation(e, {
      unique: {
        field: 'code',
        message: 'this temper already exists for the metal family',
        params: { entity: 'temper' },
      },
    }),
  );
  await recordAuditEvent(tx, ctx, {
    action: 'masterData.temper.create',
    targetType: 'temper',
    targetId: row.id,
    details: { code: row.code, family: row.family },
  });
  return toTemperDto(row);
}

/** Only the description changes: the code is what specs, lots and certificates cite. */
export async function updateTemper(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateTemperInput,
): Promise<TTemperDto> {
  const before = await findTemper(tx, ctx, input.id);
  const row = await tx.temper.update({
    where: { id: before.id, ...tenantFilter(ctx) },
    data: { description: input.description },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'masterData.temper.update',
    targetType: 'temper',
    targetId: row.id,
    details: { code: row.code, changed: ['description'] },
  });
  return toTemperDto(row);
}
