import { ZSetMyLocaleInput } from '@ingot/contracts';
import { withUser } from '@ingot/db';
import { setMyLocale } from '@ingot/domain';
import { selfProcedure } from '../../trpc.ts';

/** Remembers my portal language on my user row. */
export const setMyLocaleProcedure = selfProcedure
  .meta({ action: 'me.update' })
  .input(ZSetMyLocaleInput)
  .mutation(({ ctx, input }) =>
    withUser(ctx.db, { userId: ctx.user.id }, (tx) =>
      setMyLocale(tx, { userId: ctx.user.id, locale: input.locale }),
    ),
  );
