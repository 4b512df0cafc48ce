import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';

export interface TUserProfile {
  id: string;
  email: string;
  displayName: string;
  locale: string | null;
  platformAdmin: boolean;
}

/** The user's own row (in a `withUser` transaction). */
export async function getUserProfile(tx: TenantTx, args: { userId: string }): Promise<TUserProfile> {
  const user = await tx.user.findUnique({
    where: { id: args.userId },
    select: { id: true, email: true, displayName: true, locale: true, platformAdmin: true },
  });
  if (!user) throw DomainError.notFound('user');
  return user;
}
