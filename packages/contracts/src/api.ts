import { z } from 'zod';
import {
  ZCode,
  ZEquipmentClass,
  ZId,
  ZLocale,
  ZName,
  ZRole,
  ZSlug,
  ZTenantKind,
  ZTimeZone,
  ZWorkCenterKind,
} from './tenancy.ts';

/** API input shapes, shared by the tRPC routers, the portal forms and the workflows. */

export const ZAddress = z.object({
  line1: z.string().trim().max(200).default(''),
  city: z.string().trim().max(100).default(''),
  province: z.string().trim().max(100).default(''),
  postalCode: z.string().trim().max(20).default(''),
  country: z.string().trim().length(2, 'country must be an ISO 3166-1 alpha-2 code').default('CN'),
});
export type TAddress = z.infer<typeof ZAddress>;

export const ZByIdInput = z.object({ id: ZId });

// Plants
export const ZCreatePlantInput = z.object({
  code: ZCode,
  name: ZName,
  timezone: ZTimeZone.default('Asia/Shanghai'),
  address: ZAddress.default({ line1: '', city: '', province: '', postalCode: '', country: 'CN' }),
});
export type TCreatePlantInput = z.infer<typeof ZCreatePlantInput>;
export const ZUpdatePlantInput = z.object({
  id: ZId,
  code: ZCode.optional(),
  name: ZName.optional(),
  timezone: ZTimeZone.optional(),
  address: ZAddress.optional(),
});
export type TUpdatePlantInput = z.infer<typeof ZUpdatePlantInput>;

// Areas
export const ZCreateAreaInput = z.object({ plantId: ZId, code: ZCode, name: ZName });
export type TCreateAreaInput = z.infer<typeof ZCreateAreaInput>;
export const ZUpdateAreaInput = z.object({ id: ZId, code: ZCode.optional(), name: ZName.optional() });
export type TUpdateAreaInput = z.infer<typeof ZUpdateAreaInput>;

// Lines / work centres
export const ZCreateWorkCenterInput = z.object({
  areaId: ZId,
  code: ZCode,
  name: ZName,
  kind: ZWorkCenterKind.default('line'),
});
export type TCreateWorkCenterInput = z.infer<typeof ZCreateWorkCenterInput>;
export const ZUpdateWorkCenterInput = z.object({
  id: ZId,
  code: ZCode.optional(),
  name: ZName.optional(),
  kind: ZWorkCenterKind.optional(),
});
export type TUpdateWorkCenterInput = z.infer<typeof ZUpdateWorkCenterInput>;
export const ZMoveWorkCenterInput = z.object({ id: ZId, areaId: ZId });
export type TMoveWorkCenterInput = z.infer<typeof ZMoveWorkCenterInput>;

// Equipment
/** Free attributes: flat key -> scalar (e.g. { maxWidthMm: 1850, vendor: "SMS" }). */
export const ZEquipmentAttributes = z
  .record(
    z.string().min(1).max(64),
    z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]),
  )
  .refine((o) => Object.keys(o).length <= 100, 'attributes may have at most 100 keys');
export const ZCreateEquipmentInput = z.object({
  workCenterId: ZId,
  code: ZCode,
  name: ZName,
  class: ZEquipmentClass,
  attributes: ZEquipmentAttributes.default({}),
});
export type TCreateEquipmentInput = z.infer<typeof ZCreateEquipmentInput>;
export const ZUpdateEquipmentInput = z.object({
  id: ZId,
  code: ZCode.optional(),
  name: ZName.optional(),
  class: ZEquipmentClass.optional(),
  attributes: ZEquipmentAttributes.optional(),
});
export type TUpdateEquipmentInput = z.infer<typeof ZUpdateEquipmentInput>;
export const ZMoveEquipmentInput = z.object({ id: ZId, workCenterId: ZId });
export type TMoveEquipmentInput = z.infer<typeof ZMoveEquipmentInput>;

// Members
export const ZAddMemberInput = z.object({
  email: z.email('email must be a valid address'),
  displayName: ZName,
  roles: z.array(ZRole).min(1, 'roles must name at least one role'),
  plantIds: z.array(ZId).default([]),
});
export type TAddMemberInput = z.infer<typeof ZAddMemberInput>;
export const ZUpdateMemberInput = z.object({
  id: ZId,
  roles: z.array(ZRole).min(1, 'roles must name at least one role').optional(),
  plantIds: z.array(ZId).optional(),
});
export type TUpdateMemberInput = z.infer<typeof ZUpdateMemberInput>;

// Tenants
export const ZUpdateTenantInput = z.object({
  name: ZName.optional(),
  defaultLocale: ZLocale.optional(),
  /** MLPS level 3: a second factor at sign-in for every member, not only administrators. */
  requireSecondFactor: z.boolean().optional(),
});
export type TUpdateTenantInput = z.infer<typeof ZUpdateTenantInput>;
export const ZSetMyLocaleInput = z.object({ locale: ZLocale });

/** Platform admin: create a tenant through the provisionTenant workflow. */
export const ZProvisionTenantRequest = z.object({
  slug: ZSlug,
  name: ZName,
  kind: ZTenantKind.default('company'),
  defaultLocale: ZLocale.default('zh-CN'),
  firstPlant: z.object({ code: ZCode, name: ZName, timezone: ZTimeZone.default('Asia/Shanghai') }),
  admin: z.object({ email: z.email('admin.email must be a valid address'), displayName: ZName }),
});
export type TProvisionTenantRequest = z.infer<typeof ZProvisionTenantRequest>;

/** Platform admin: a first password for a tenant's first administrator who has never signed in. */
export const ZIssueFirstPasswordInput = z.object({
  slug: ZSlug,
  email: z.email('email must be a valid address'),
});
export type TIssueFirstPasswordInput = z.infer<typeof ZIssueFirstPasswordInput>;
