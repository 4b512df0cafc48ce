import { TRPCError } from '@trpc/server';

/**
 * Runs a call to the identity directory (Keycloak); a failure becomes SERVICE_UNAVAILABLE, thrown inside the
 * tenant transaction so the membership change rolls back with it (the database and Keycloak do not drift apart).
 */
export async function withIdentityDirectory<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'the identity server did not accept the change; nothing was changed, try again',
      cause: e,
    });
  }
}
