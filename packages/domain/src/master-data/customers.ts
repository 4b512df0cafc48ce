import type {
  TCreateCustomerInput,
  TListCustomersInput,
  TSetActiveInput,
  TUpdateCustomerInput,
} from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { changedFields } from '../audit/changed-fields.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

export interface TCustomerContact {
  person: string;
  phone: string;
  email: string;
  address: string;
}

export interface TCustomerDto {
  id: string;
  code: string;
  name: string;
  country: string;
  contact: TCustomerContact;
  partnershipId: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const EMPTY_CONTACT: TCustomerContact = { person: '', phone: '', email: '', address: '' };

export function toCustomerDto(row: Omit<TCustomerDto, 'contact'> & { contact: unknown }): TCustomerDto {
  const contact =
    row.contact && typeof row.contact === 'object'
      ? { ...EMPTY_CONTACT, ...(row.contact as object) }
      : EMPTY_CONTACT;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    country: row.country,
    contact: contact as TCustomerContact,
    partnershipId: row.partnershipId,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const duplicate = {
  unique: {
    field: 'code',
    message: 'a customer with this code already exists',
    params: { entity: 'customer' },
  },
};

export async function findCustomer(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const row = await tx.customer.findFirst({ where: { id, ...tenantFilter(ctx) } });
  if (!row) throw DomainError.notFound('customer', field);
  return row;
}

/** A customer link must name one of the tenant's customer partnerships. */
async function assertCustomerPartnership(tx: TenantTx, ctx: TTenantContext, id: string | null | undefined) {
  if (id === null || id === undefined) return;
  const p = await tx.partnership.findFirst({ where: { id, kind: 'customer', ...tenantFilter(ctx) } });
  if (!p) throw DomainError.notFound('partnership', 'partnershipId');
}

export async function listCustomers(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListCustomersInput,
): Promise<TCustomerDto[]> {
  const search = input.search?.trim();
  const rows = await tx.customer.findMany({
    where: {
      ...tenantFilter(ctx),
      ...(input.includeInactive ? {} : { active: true }),
      ...(search
        ? {
            OR: [
              { code: { contains: search, mode: 'insensitive' as const } },
              { name: { contains: search, mode: 'insensitive' as const } },
            ],
          }
        : {}),
    },
    orderBy: { code: 'asc' },
  });
  return rows.map(toCustomerDto);
}

export async function getCustomer(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TCustomerDto> {
  return toCustomerDto(await findCustomer(tx, ctx, input.id));
}

export async function createCustomer(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateCustomerInput,
): Promise<TCustomerDto> {
  await assertCustomerPartnership(tx, ctx, input.partnershipId);
  const row = await tx.customer
    .create({ data: { tenantId: ctx.tenantId, ...input } })
    .catch((e: unknown) => rethrowConstraintViolation(e, duplicate));
  await recordAuditEvent(tx, ctx, {
    action: 'masterData.customer.create',
    targetType: 'customer',
    targetId: row.id,
    details: { code: row.code, name: row.name },
  });
  return toCustomerDto(row);
}

export async function updateCustomer(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateCustomerInput,
): Promise<TCustomerDto> {
  const before = await findCustomer(tx, ctx, input.id);
  await assertCustomerPartnership(tx, ctx, input.partnershipId);
  const { id, ...changes } = input;
  const row = await tx.customer
    .update({ where: { id: before.id, ...tenantFilter(ctx) }, data: changes })
    .catch((e: unknown) => rethrowConstraintViolation(e, duplicate));
  await recordAuditEvent(tx, ctx, {
    action: 'masterData.customer.update',
    targetType: 'customer',
    targetId: id,
    details: { code: row.code, changed: changedFields(changes) },
  });
  return toCustomerDto(row);
}

/** Deactivates (or reactivates) a customer: its orders stay; new orders for it are refused. */
export async function setCustomerActive(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TSetActiveInput,
): Promise<TCustomerDto> {
  const before = await findCustomer(tx, ctx, input.id);
  const row = await tx.customer.update({
    where: { id: before.id, ...tenantFilter(ctx) },
    data: { active: input.active },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'masterData.customer.setActive',
    targetType: 'customer',
    targetId: row.id,
    details: { code: row.code, active: row.active },
  });
  return toCustomerDto(row);
}
