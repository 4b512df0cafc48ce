import { describe, expect, it } from 'vitest';
import {
  isForeignKeyViolation,
  isNotFound,
  isRowLevelSecurityViolation,
  isUniqueViolation,
  prismaCodeOf,
  sqlStateOf,
} from './errors.ts';

// Shapes recorded from Prisma 7.10 over @prisma/adapter-pg and pglite-prisma-adapter (identical on both).
const prismaError = (code: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error('Invalid `tx.x()` invocation'), {
    code,
    meta: cause ? { modelName: 'Plant', driverAdapterError: { name: 'DriverAdapterError', cause } } : {},
  });

describe('database error classification', () => {
  it('unique: model query (P2002) and raw query (P2010 + 23505) and plain pg', () => {
    expect(
      isUniqueViolation(prismaError('P2002', { originalCode: '23505', kind: 'UniqueConstraintViolation' })),
    ).toBe(true);
    expect(
      isUniqueViolation(prismaError('P2010', { originalCode: '23505', kind: 'UniqueConstraintViolation' })),
    ).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('dup'), { code: '23505' }))).toBe(true);
    expect(isUniqueViolation(prismaError('P2003', { originalCode: '23503' }))).toBe(false);
  });

  it('foreign key: P2003 and 23503', () => {
    expect(isForeignKeyViolation(prismaError('P2003', { originalCode: '23503' }))).toBe(true);
    expect(isForeignKeyViolation(prismaError('P2010', { originalCode: '23503' }))).toBe(true);
    expect(isForeignKeyViolation(prismaError('P2002', { originalCode: '23505' }))).toBe(false);
  });

  it('not found: P2025', () => {
    expect(isNotFound(prismaError('P2025'))).toBe(true);
    expect(isNotFound(prismaError('P2002'))).toBe(false);
    expect(isNotFound(new Error('nope'))).toBe(false);
  });

  it('row-level security: 42501 with the RLS message only', () => {
    const rls = prismaError('P2039', {
      originalCode: '42501',
      originalMessage: 'new row violates row-level security policy for table "plant"',
      kind: 'postgres',
    });
    expect(isRowLevelSecurityViolation(rls)).toBe(true);
    const grant = prismaError('P2010', {
      originalCode: '42501',
      originalMessage: 'permission denied for table x',
    });
    expect(isRowLevelSecurityViolation(grant)).toBe(false);
  });

  it('follows wrapped causes and ignores non-errors', () => {
    const wrapped = new Error('domain failure', { cause: prismaError('P2002', { originalCode: '23505' }) });
    expect(isUniqueViolation(wrapped)).toBe(true);
    expect(prismaCodeOf(wrapped)).toBe('P2002');
    expect(sqlStateOf('23505')).toBeUndefined();
    expect(isUniqueViolation(null)).toBe(false);
  });
});
