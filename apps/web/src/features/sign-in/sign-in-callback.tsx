'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useAuth } from '../../auth/auth-provider.tsx';
import { safeNext } from '../../auth/safe-next.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';

/** Finishes a sign-in: the session is in place (AuthProvider); a fresh start for the tenant pick; on to `next`. */
export function SignInCallback() {
  const { t } = useI18n();
  const { status } = useAuth();
  const router = useRouter();
  const params = useSearchParams();
  const done = useRef(false);

  useEffect(() => {
    if (status !== 'authenticated' || done.current) return;
    done.current = true;
    void (async () => {
      // A tenant picked by whoever used this browser before does not carry over.
      await fetch('/api/tenant', { method: 'DELETE' }).catch(() => undefined);
      // A language chosen on this browser before signing in is the latest choice: remember it for the user.
      const chosen = /(?:^|;\s*)ingot_locale=([^;]+)/.exec(document.cookie)?.[1];
      if (chosen === 'en' || chosen === 'zh-CN') {
        await fetch('/api/locale', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ locale: chosen }),
        }).catch(() => undefined);
      }
      // Client-side navigation: keycloak-js keeps its tokens in this page's memory.
      router.replace(safeNext(params.get('next')));
      router.refresh();
    })();
  }, [status, params, router]);

  if (status === 'anonymous') {
    return (
      <>
        <p className="notice notice--error" data-testid="sign-in-failed">
          {t('signIn.callbackFailed')}
        </p>
        <Link href="/sign-in" className="btn">
          {t('signIn.continue')}
        </Link>
      </>
    );
  }
  return <p aria-live="polite">{t('signIn.completing')}</p>;
}
