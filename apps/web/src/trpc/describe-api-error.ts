import type { TLocale } from '@ingot/contracts';
import { TRPCClientError } from '@trpc/client';
import { MESSAGES, type TMessageKey, type TTranslate } from '../i18n/messages.ts';
import { serverMessagesZhCN } from '../i18n/server-messages.zh-CN.ts';

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
  reason?: string | null;
  params?: Record<string, string | number> | null;
  zodError?: { formErrors: string[]; fieldErrors: Record<string, string[]> } | null;
}

export interface TErrorI18n {
  locale: TLocale;
  t: TTranslate;
}

function isMessageKey(key: string): key is TMessageKey {
  return key in MESSAGES['zh-CN'];
}

/** The user's-language text of a domain error (reason + params), or null when there is no translation. */
function translateReason(data: TErrorData, i18n: TErrorI18n): string | null {
  const key = `errors.${data.reason ?? ''}`;
  if (!data.reason || !isMessageKey(key)) return null;
  const params: Record<string, string | number> = { ...(data.params ?? {}) };
  for (const name of ['entity', 'child'] as const) {
    const entityKey = `entity.${params[name] ?? ''}`;
    if (isMessageKey(entityKey)) params[name] = i18n.t(entityKey);
  }
  return i18n.t(key, params);
}

function translateValidation(message: string, i18n: TErrorI18n | undefined): string {
  return i18n?.locale === 'zh-CN' ? (serverMessagesZhCN[message] ?? message) : message;
}

/**
 * Turns a tRPC error into what a form shows: field-level messages next to fields, the rest above the form, in
 * the user's language where the server said why (domain `reason`) or used a known validation message.
 */
export function describeApiError(error: unknown, fallback: string, i18n?: TErrorI18n): TApiErrorView {
  if (!error) return { code: null, formError: null, fieldErrors: {} };
  if (!(error instanceof TRPCClientError)) return { code: null, formError: fallback, fieldErrors: {} };
  const data = (error.data ?? {}) as TErrorData;
  const code = data.code ?? null;
  const fieldErrors: Record<string, string> = {};
  if (data.zodError) {
    for (const [path, messages] of Object.entries(data.zodError.fieldErrors)) {
      if (messages[0]) fieldErrors[path] = translateValidation(messages[0], i18n);
    }
    const first = data.zodError.formErrors[0];
    return { code, formError: first ? translateValidation(first, i18n) : null, fieldErrors };
  }
  const message = (i18n && translateReason(data, i18n)) || error.message || fallback;
  if (data.field) {
    fieldErrors[data.field] = message;
    return { code, formError: null, fieldErrors };
  }
  return { code, formError: message, fieldErrors };
}

/** The message of an error wherever it belongs (for confirm dialogs, which have no fields). */
export function apiErrorMessage(view: TApiErrorView): string | null {
  return view.formError ?? Object.values(view.fieldErrors)[0] ?? null;
}
