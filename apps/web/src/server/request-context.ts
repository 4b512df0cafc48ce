import type { TLocale } from '@ingot/contracts';
import { TRPCError } from '@trpc/server';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { LOCALE_COOKIE } from './cookies.ts';
import { serverCaller } from './server-caller.ts';

/** `me.get` for this request (once per render), or null when signed out. */
export const getRequestMe = cache(async () => {
  try {
    return await (await serverCaller()).me.get();
  } catch (e) {
    if (e instanceof TRPCError && e.code === 'UNAUTHORIZED') return null;
    throw e;
  }
});

/** The language to render: the user's saved choice, else the language cookie, else the tenant's default. */
export const getRequestLocale = cache(async (): Promise<TLocale> => {
  const me = await getRequestMe();
  const saved = me?.user.locale;
  if (saved === 'zh-CN' || saved === 'en') return saved;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (cookie === 'zh-CN' || cookie === 'en') return cookie;
  return me?.locale ?? 'zh-CN';
});
