/**
 * Classifying database errors the same way on both adapters (pg and PGlite) and for both model queries and raw
 * SQL. Prisma reports model-query violations with its own codes (P2002, P2003, P2025) and raw-query ones as P2010;
 * in both cases `meta.driverAdapterError.cause` carries the SQLSTATE as `originalCode`. A plain pg error (our
 * migration runner, a test's pg client) carries it as `code`. Errors are duck-typed, not `instanceof`-checked:
 * bundlers may load Prisma's classes twice.
 */

type ErrorLike = {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
  cause?: unknown;
  message?: unknown;
};

function* chain(e: unknown): Generator<ErrorLike> {
  // Follow `cause` a few levels: callers sometimes wrap database errors.
  let current = e;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    yield current as ErrorLike;
    current = (current as ErrorLike).cause;
  }
}

/** The Prisma error code (P2002, ...) of `e`, if it is a Prisma known-request error. */
export function prismaCodeOf(e: unknown): string | undefined {
  for (const err of chain(e)) {
    if (typeof err.code === 'string' && /^P\d{4}$/.test(err.code)) return err.code;
  }
  return undefined;
}

/** The PostgreSQL SQLSTATE behind `e` (23505, 23503, 42501, ...), whichever adapter or client raised it. */
export function sqlStateOf(e: unknown): string | undefined {
  for (const err of chain(e)) {
    const original = err.meta?.driverAdapterError?.cause?.originalCode;
    if (typeof original === 'string') return original;
    if (typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code)) return err.code;
  }
  return undefined;
}

/** A unique constraint (or primary key) rejected the write. */
export function isUniqueViolation(e: unknown): boolean {
  return prismaCodeOf(e) === 'P2002' || sqlStateOf(e) === '23505';
}

/** A foreign key rejected the write: the parent does not exist *for this tenant* (composite keys), or a child
 * still references the row being deleted. */
export function isForeignKeyViolation(e: unknown): boolean {
  return prismaCodeOf(e) === 'P2003' || sqlStateOf(e) === '23503';
}

/** The record to update/delete/find-or-throw does not exist, or row-level security hides it (same answer). */
export function isNotFound(e: unknown): boolean {
  const code = prismaCodeOf(e);
  return code === 'P2025' || code === 'P2001';
}

/** A row-level security policy refused the new row (WITH CHECK): e.g. writing another tenant's tenant_id. */
export function isRowLevelSecurityViolation(e: unknown): boolean {
  if (sqlStateOf(e) !== '42501') return false;
  return [...chain(e)].some((err) => {
    const message = err.meta?.driverAdapterError?.cause ? JSON.stringify(err.meta) : err.message;
    return typeof message === 'string' && message.includes('row-level security');
  });
}
