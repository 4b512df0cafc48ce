import { isUniqueViolation } from '@ingot/db';
import { DomainError, type TDomainErrorParams, type TDomainErrorReason } from './domain-error.ts';

/**
 * Turns a unique violation into the CONFLICT a caller can act on (naming the field whose value collided);
 * rethrows anything else.
 */
export function rethrowConstraintViolation(
  error: unknown,
  opts: {
    unique: { field: string; message: string; reason?: TDomainErrorReason; params?: TDomainErrorParams };
  },
): never {
  if (isUniqueViolation(error)) {
    const { field, message, reason = 'duplicate_code', params } = opts.unique;
    throw new DomainError('CONFLICT', message, field, { reason, ...(params ? { params } : {}) });
  }
  throw error;
}
