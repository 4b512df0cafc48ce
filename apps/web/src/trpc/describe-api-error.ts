import { TRPCClientError } from '@trpc/client';

export interface TApiErrorView {
  /** The error's code (NOT_FOUND, CONFLICT, BAD_REQUEST, ...), if the server sent one. */
  code: string | null;
  /** Message not tied to a field (shown above the form). */
  formError: string | null;
  /** Messages per input field path (`code`, `address.country`), shown next to the field. */
  fieldErrors: Record<string, string>;
}

interface TErrorData {
  code?: string;
  field?: string | null;
  zodError?: { formErrors: string[]; fieldErrors: Record<string, string[]> } | null;
}

/** Turns a tRPC error into what a form shows: field-level messages next to fields, the rest above the form. */
export function describeApiError(error: unknown, fallback: string): TApiErrorView {
  if (!error) return { code: null, formError: null, fieldErrors: {} };
  if (!(error instanceof TRPCClientError)) return { code: null, formError: fallback, fieldErrors: {} };
  const data = (error.data ?? {}) as TErrorData;
  const fieldErrors: Record<string, string> = {};
  if (data.zodError) {
    for (const [path, messages] of Object.entries(data.zodError.fieldErrors)) {
      if (messages[0]) fieldErrors[path] = messages[0];
    }
    const formError = data.zodError.formErrors[0] ?? null;
    return { code: data.code ?? null, formError, fieldErrors };
  }
  if (data.field) {
    fieldErrors[data.field] = error.message;
    return { code: data.code ?? null, formError: null, fieldErrors };
  }
  return { code: data.code ?? null, formError: error.message || fallback, fieldErrors };
}
