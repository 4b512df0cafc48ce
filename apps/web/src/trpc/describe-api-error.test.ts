import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/messages.ts';
import { apiErrorMessage, describeApiError } from './describe-api-error.ts';

function clientError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe('describeApiError', () => {
  it('puts input errors next to their fields', () => {
    const e = clientError('invalid input', {
      code: 'BAD_REQUEST',
      field: 'code',
      zodError: {
        formErrors: [],
        fieldErrors: { code: ['code may contain only letters'], 'address.country': ['2 letters'] },
      },
    });
    expect(describeApiError(e, 'oops')).toEqual({
      code: 'BAD_REQUEST',
      formError: null,
      fieldErrors: { code: 'code may contain only letters', 'address.country': '2 letters' },
    });
  });

  it('puts a domain error with a field next to that field', () => {
    const e = clientError('a plant with this code already exists', {
      code: 'CONFLICT',
      field: 'code',
      zodError: null,
    });
    expect(describeApiError(e, 'oops').fieldErrors).toEqual({
      code: 'a plant with this code already exists',
    });
  });

  it('shows other errors above the form, and a fallback for non-API errors', () => {
    expect(describeApiError(clientError('plant not found', { code: 'NOT_FOUND' }), 'oops').formError).toBe(
      'plant not found',
    );
    expect(describeApiError(new Error('network'), 'oops').formError).toBe('oops');
    expect(describeApiError(null, 'oops')).toEqual({ code: null, formError: null, fieldErrors: {} });
  });
});

describe('describeApiError in the user’s language', () => {
  const zh = { locale: 'zh-CN' as const, t: createTranslator('zh-CN') };
  const en = { locale: 'en' as const, t: createTranslator('en') };

  it('translates a domain error by its reason, with translated entity names', () => {
    const e = clientError('the plant still has 3 area(s); delete or move them first', {
      code: 'CONFLICT',
      field: 'id',
      reason: 'has_children',
      params: { entity: 'plant', child: 'area', count: 3 },
    });
    expect(apiErrorMessage(describeApiError(e, 'oops', zh))).toBe('该工厂下还有 3 个区域，请先删除或移走。');
    expect(apiErrorMessage(describeApiError(e, 'oops', en))).toBe(
      '3 area record(s) are still under this plant; delete or move them first.',
    );
  });

  it('translates the known validation messages into Chinese and keeps unknown ones', () => {
    const e = clientError('invalid input', {
      code: 'BAD_REQUEST',
      zodError: { formErrors: [], fieldErrors: { code: ['code is required'], other: ['something else'] } },
    });
    expect(describeApiError(e, 'oops', zh).fieldErrors).toEqual({
      code: '编码为必填项',
      other: 'something else',
    });
    expect(describeApiError(e, 'oops', en).fieldErrors.code).toBe('code is required');
  });
});
