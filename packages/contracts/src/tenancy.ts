import { z } from 'zod';

/** Locales the portal speaks; plant users are Chinese first. */
export const LOCALES = ['zh-CN', 'en'] as const;
export const ZLocale = z.enum(LOCALES);
export type TLocale = z.infer<typeof ZLocale>;
export const DEFAULT_LOCALE: TLocale = 'zh-CN';

export const TENANT_KINDS = ['company', 'group'] as const;
export const ZTenantKind = z.enum(TENANT_KINDS);
export type TTenantKind = z.infer<typeof ZTenantKind>;

export const TENANT_STATUSES = ['active', 'suspended'] as const;
export const ZTenantStatus = z.enum(TENANT_STATUSES);

/** Tenant roles (issue 3 maps them to the identity server; the database is the source of truth). */
export const ROLES = [
  'tenant_admin',
  'plant_manager',
  'planner',
  'operator',
  'quality_engineer',
  'lab_technician',
  'maintenance',
  'energy_manager',
  'hse_officer',
  'viewer',
  'supplier',
  'customer',
] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const PARTNERSHIP_KINDS = ['supplier', 'customer'] as const;
export const ZPartnershipKind = z.enum(PARTNERSHIP_KINDS);

/** Equipment classes of a non-ferrous plant (ISA-95 equipment level). */
export const EQUIPMENT_CLASSES = [
  'casting_machine',
  'hot_mill',
  'cold_mill',
  'foil_mill',
  'extrusion_press',
  'homogenizing_furnace',
  'annealing_furnace',
  'ageing_oven',
  'stretcher',
  'slitter',
  'cut_to_length_line',
  'other',
] as const;
export const ZEquipmentClass = z.enum(EQUIPMENT_CLASSES);
export type TEquipmentClass = z.infer<typeof ZEquipmentClass>;

export const WORK_CENTER_KINDS = ['line', 'work_center'] as const;
export const ZWorkCenterKind = z.enum(WORK_CENTER_KINDS);

/** A tenant slug: lower-case letters, digits and single hyphens; it names workflow ids, so it never changes. */
export const ZSlug = z
  .string()
  .min(3, 'slug must be at least 3 characters')
  .max(40, 'slug must be at most 40 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug may contain only a-z, 0-9 and single hyphens');

/** Short codes for plants, areas, lines and equipment (plant people use tag-like codes: "CM-1"). */
export const ZCode = z
  .string()
  .trim()
  .min(1, 'code is required')
  .max(32, 'code must be at most 32 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'code may contain only letters, digits, ".", "_" and "-"');

export const ZName = z
  .string()
  .trim()
  .min(1, 'name is required')
  .max(120, 'name must be at most 120 characters');

/** An IANA time zone the runtime knows. */
export const ZTimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'timezone must be an IANA time zone such as Asia/Shanghai');

export const ZId = z.uuid('must be a UUID');
