import {
  specIssues,
  type TCreateProductSpecInput,
  type TListProductSpecsInput,
  type TProductFamily,
  type TUpdateProductSpecInput,
} from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { changedFields } from '../audit/changed-fields.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findAlloy } from './alloys.ts';
import { findCustomer } from './customers.ts';
import { findTemper } from './tempers.ts';

export interface TProductSpecDto {
  id: string;
  code: string;
  productFamily: TProductFamily;
  alloy: { id: string; code: string; density: number | null };
  temper: { id: string; code: string };
  customer: { id: string; code: string; name: string } | null;
  thicknessMm: number;
  thicknessTolMinus: number;
  thicknessTolPlus: number;
  widthMm: number | null;
  widthTolMinus: number | null;
  widthTolPlus: number | null;
  lengthMm: number | null;
  coilWeightKg: number | null;
  innerDiameterMm: number | null;
  outerDiameterMm: number | null;
  surface: string;
  toleranceSource: string;
  notes: string;
  /** Mass of one piece (a coil, a sheet, a plate) in kg, or null when the spec does not determine it. */
  pieceWeightKg: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export const SPEC_INCLUDE = {
  alloy: { select: { id: true, code: true, density: true } },
  temper: { select: { id: true, code: true } },
  customer: { select: { id: true, code: true, name: true } },
} as const;

type TSpecRow = Omit<TProductSpecDto, 'pieceWeightKg' | 'alloy' | 'temper' | 'customer'> & {
  alloy: TProductSpecDto['alloy'];
  temper: TProductSpecDto['temper'];
  customer: TProductSpecDto['customer'];
};

/**
 * The mass of one piece: a coil's weight when the spec gives it; otherwise a flat piece's volume
 * (thickness x width x length) times the alloy's density. Profiles, rod and tube need a section area the
 * schema does not hold, so their pieces have no computable weight (order them in tonnes).
 */
export function pieceWeightKg(spec: {
  productFamily: TProductFamily;
  thicknessMm: number;
  widthMm: number | null;
  lengthMm: number | null;
  coilWeightKg: number | null;
  alloy: { density: number | null };
}): number | null {
  if (spec.coilWeightKg !== null) return spec.coilWeightKg;
  if (
    (spec.productFamily === 'plate' || spec.productFamily === 'sheet') &&
    spec.widthMm !== null &&
    spec.lengthMm !== null &&
    spec.alloy.density !== null
  ) {
    // mm3 -> cm3 (/1000), g/cm3 -> g, g -> kg (/1000)
    return (spec.thicknessMm * spec.widthMm * spec.lengthMm * spec.alloy.density) / 1e6;
  }
  return null;
}

export function toProductSpecDto(row: TSpecRow): TProductSpecDto {
  return {
    id: row.id,
    code: row.code,
    productFamily: row.productFamily,
    alloy: row.alloy,
    temper: row.temper,
    customer: row.customer,
    thicknessMm: row.thicknessMm,
    thicknessTolMinus: row.thicknessTolMinus,
    thicknessTolPlus: row.thicknessTolPlus,
    widthMm: row.widthMm,
    widthTolMinus: row.widthTolMinus,
    widthTolPlus: row.widthTolPlus,
    lengthMm: row.lengthMm,
    coilWeightKg: row.coilWeightKg,
    innerDiameterMm: row.innerDiameterMm,
    outerDiameterMm: row.outerDiameterMm,
    surface: row.surface,
    toleranceSource: row.toleranceSource,
    notes: row.notes,
    pieceWeightKg: pieceWeightKg(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const duplicate = {
  unique: {
    field: 'code',
    message: 'a product specification with this code already exists',
    params: { entity: 'productSpec' },
  },
};

export async function findProductSpec(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const row = await tx.productSpec.findFirst({ where: { id, ...tenantFilter(ctx) }, include: SPEC_INCLUDE });
  if (!row) throw DomainError.notFound('productSpec', field);
  return row;
}

export async function listProductSpecs(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListProductSpecsInput,
): Promise<TProductSpecDto[]> {
  const search = input.search?.trim();
  const rows = await tx.productSpec.findMany({
    where: {
      ...tenantFilter(ctx),
      ...(input.productFamily ? { productFamily: input.productFamily } : {}),
      ...(input.alloyId ? { alloyId: input.alloyId } : {}),
      ...(input.customerId ? { customerId: input.customerId } : {}),
      ...(search ? { code: { contains: search, mode: 'insensitive' as const } } : {}),
    },
    include: SPEC_INCLUDE,
    orderBy: { code: 'asc' },
  });
  return rows.map(toProductSpecDto);
}

export async function getProductSpec(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TProductSpecDto> {
  return toProductSpecDto(await findProductSpec(tx, ctx, input.id));
}

export async function createProductSpec(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateProductSpecInput,
): Promise<TProductSpecDto> {
  const alloy = await findAlloy(tx, ctx, input.alloyId, 'alloyId');
  if (!alloy.active) throw new DomainError('BAD_REQUEST', 'alloyId: the alloy is deactivated', 'alloyId');
  const temper = await findTemper(tx, ctx, input.temperId, 'temperId');
  if (temper.family !== alloy.family)
    throw new DomainError(
      'BAD_REQUEST',
      `temperId: temper ${temper.code} is for ${temper.family}, the alloy ${alloy.code} is ${alloy.family}`,
      'temperId',
    );
  if (input.customerId) await findCustomer(tx, ctx, input.customerId, 'customerId');
  const row = await tx.productSpec
    .create({ data: { tenantId: ctx.tenantId, ...input }, include: SPEC_INCLUDE })
    .catch((e: unknown) => rethrowConstraintViolation(e, duplicate));
  await recordAuditEvent(tx, ctx, {
    action: 'masterData.spec.create',
    targetType: 'product_spec',
    targetId: row.id,
    details: { code: row.code, productFamily: row.productFamily, alloy: alloy.code, temper: temper.code },
  });
  return toProductSpecDto(row);
}

/** Changes dimensions, tolerances, surface or the customer link (alloy, temper and family are the spec's identity). */
export async function updateProductSpec(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateProductSpecInput,
): Promise<TProductSpecDto> {
  const before = await findProductSpec(tx, ctx, input.id);
  const { id, ...changes } = input;
  const merged = {
    ...before,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  };
  const issue = specIssues(merged)[0];
  if (issue) throw new DomainError('BAD_REQUEST', `${issue.path}: ${issue.message}`, issue.path);
  if (changes.customerId) await findCustomer(tx, ctx, changes.customerId, 'customerId');
  const row = await tx.productSpec
    .update({ where: { id: before.id, ...tenantFilter(ctx) }, data: changes, include: SPEC_INCLUDE })
    .catch((e: unknown) => rethrowConstraintViolation(e, duplicate));
  await recordAuditEvent(tx, ctx, {
    action: 'masterData.spec.update',
    targetType: 'product_spec',
    targetId: id,
    details: { code: row.code, changed: changedFields(changes) },
  });
  return toProductSpecDto(row);
}
