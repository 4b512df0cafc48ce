import { DomainError } from '@ingot/domain';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeError, toFieldErrors } from './error-shape.ts';

describe('error shape', () => {
  const schema = z.object({
    code: z.string().min(2, 'code is too short'),
    address: z.object({ country: z.string().length(2) }),
  });

  it('keeps nested field paths of zod errors', () => {
    const r = schema.safeParse({ code: 'x', address: { country: 'CHN' } });
    expect(r.success).toBe(false);
    const errors = toFieldErrors(r.error as z.ZodError);
    expect(Object.keys(errors.fieldErrors).sort()).toEqual(['address.country', 'code']);
    expect(errors.fieldErrors.code).toEqual(['code is too short']);
  });

  it('names the first wrong field of an input error', () => {
    const r = schema.safeParse({ code: 'ok', address: { country: 'CHN' } });
    const error = new TRPCError({ code: 'BAD_REQUEST', cause: r.error });
    expect(describeError(error)).toMatchObject({ field: 'address.country' });
    expect(describeError(error).message).toContain('address.country');
  });

  it("passes a domain error's message and field through", () => {
    const cause = new DomainError('CONFLICT', 'a plant with this code already exists', 'code', {
      reason: 'duplicate_code',
      params: { entity: 'plant' },
    });
    const error = new TRPCError({ code: 'CONFLICT', message: cause.message, cause });
    expect(describeError(error)).toEqual({
      message: cause.message,
      field: 'code',
      reason: 'duplicate_code',
      params: { entity: 'plant' },
      zodError: null,
    });
  });

  it('hides the message of unexpected errors', () => {
    const error = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new Error('relation "plant" xyz') });
    expect(describeError(error).message).toBe('internal error');
  });
});
