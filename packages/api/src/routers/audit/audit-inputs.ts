import { z } from 'zod';

/** Search filter of the audit trail (all optional; all given must match). Dates as ISO strings or Date objects. */
export const ZAuditEventFilter = z
  .object({
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    actor: z.string().trim().max(320, 'at most 320 characters').optional(),
    action: z
      .string()
      .trim()
      .max(100, 'at most 100 characters')
      .regex(/^[A-Za-z0-9._:-]*$/, 'an action is letters, digits, ".", "_", ":" and "-"')
      .optional(),
    target: z.string().trim().max(200, 'at most 200 characters').optional(),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { message: 'from must be before to', path: ['to'] });
export type TAuditEventFilterInput = z.infer<typeof ZAuditEventFilter>;

export const ZListAuditEventsInput = z.object({
  filter: ZAuditEventFilter.default({}),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^[0-9]{1,19}$/, 'not a cursor')
    .nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZExportAuditEventsInput = z.object({ filter: ZAuditEventFilter.default({}) });
