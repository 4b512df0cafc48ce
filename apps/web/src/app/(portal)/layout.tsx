import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { SessionGuard } from '../../auth/session-guard.tsx';
import { PortalHeader } from '../../components/portal-header.tsx';
import { createTranslator } from '../../i18n/messages.ts';
import { getRequestLocale, getRequestMe } from '../../server/request-context.ts';

/** Everything behind sign-in: the header and the page. Signed-out visitors go to /sign-in. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const me = await getRequestMe();
  if (!me) redirect('/sign-in');
  const t = createTranslator(await getRequestLocale());
  return (
    <>
      <SessionGuard />
      <PortalHeader
        me={{
          user: me.user,
          memberships: me.memberships,
          activeTenantId: me.activeTenantId,
          activeTenantStale: me.activeTenantStale,
        }}
      />
      <main id="main" className="page" tabIndex={-1}>
        {me.memberships.length === 0 && !me.user.platformAdmin ? (
          <p className="notice">{t('header.noTenant')}</p>
        ) : (
          children
        )}
      </main>
    </>
  );
}
