import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeApiError } from './describe-api-error.ts';

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
