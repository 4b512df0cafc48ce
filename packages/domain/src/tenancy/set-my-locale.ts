import type { TLocale } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';

/** Remembers the user's portal language (in a `withUser` transaction). A personal preference: not audited. */
export async function setMyLocale(
  tx: TenantTx,
  args: { userId: string; locale: TLocale },
): Promise<{ locale: TLocale }> {
  await tx.user.update({ where: { id: args.userId }, data: { locale: args.locale } });
  return { locale: args.locale };
}
