import { DomainError } from '@ingot/domain';
import type { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

export interface TFieldErrors {
  /** Messages not tied to a field. */
  formErrors: string[];
  /** Messages per field, keyed by the dotted path of the field in the input (`address.country`). */
  fieldErrors: Record<string, string[]>;
}

/** Flattens a ZodError keeping nested paths (z.flattenError keeps only the first segment). */
export function toFieldErrors(error: ZodError): TFieldErrors {
  const out: TFieldErrors = { formErrors: [], fieldErrors: {} };
  for (const issue of error.issues) {
    if (issue.path.length === 0) {
      out.formErrors.push(issue.message);
      continue;
    }
    const key = issue.path.map(String).join('.');
    const list = out.fieldErrors[key] ?? [];
    list.push(issue.message);
    out.fieldErrors[key] = list;
  }
  return out;
}

export interface TErrorDescription {
  message: string;
  field: string | null;
  /** A domain error's stable reason key and its parameters, for the portal to translate. */
  reason: string | null;
  params: Record<string, string | number> | null;
  zodError: TFieldErrors | null;
}

/**
 * The `data` we add to every error and the message the client sees:
 * - input validation: BAD_REQUEST, `zodError` with field paths, `field` = the first wrong field;
 * - domain errors: their message, `field`, and `reason` + `params` (translatable);
 * - anything unexpected: a generic message (details stay in the server log, found by requestId).
 */
export function describeError(error: TRPCError): TErrorDescription {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const zodError = toFieldErrors(cause);
    const first = cause.issues[0];
    const field = first && first.path.length > 0 ? first.path.map(String).join('.') : null;
    const message = cause.issues
      .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
      .join('; ');
    return { message: `invalid input — ${message}`, field, reason: null, params: null, zodError };
  }
  if (cause instanceof DomainError) {
    return {
      message: cause.message,
      field: cause.field ?? null,
      reason: cause.reason ?? null,
      params: cause.reason ? cause.params : null,
      zodError: null,
    };
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    return { message: 'internal error', field: null, reason: null, params: null, zodError: null };
  }
  return { message: error.message, field: null, reason: null, params: null, zodError: null };
}
