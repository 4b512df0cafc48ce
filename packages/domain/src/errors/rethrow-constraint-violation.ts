import { isForeignKeyViolation, isUniqueViolation } from '@ingot/db';
import { DomainError } from './domain-error.ts';

/**
 * Turns a database constraint violation into the DomainError a caller can act on; rethrows anything else.
 * `unique` names the field whose value collided (e.g. `code`), `foreignKey` the field whose reference broke.
 */
export function rethrowConstraintViolation(
  error: unknown,
  opts: { unique?: { field: string; message: string }; foreignKey?: { field: string; message: string } },
): never {
  if (opts.unique && isUniqueViolation(error)) {
    throw new DomainError('CONFLICT', opts.unique.message, opts.unique.field);
  }
  if (opts.foreignKey && isForeignKeyViolation(error)) {
    throw new DomainError('CONFLICT', opts.foreignKey.message, opts.foreignKey.field);
  }
  throw error;
}
