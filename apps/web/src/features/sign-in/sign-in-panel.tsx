'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useAuth } from '../../auth/auth-provider.tsx';
import { safeNext } from '../../auth/safe-next.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';

const REASONS = ['idle', 'expired', 'signed-out'] as const;

/**
 * Sign-in goes to the issuer's login page (Keycloak's, or the embedded issuer's): the portal never sees a password.
 * A visitor whose issuer session is still alive (found by the silent check) continues at once.
 */
export function SignInPanel() {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNext(params.get('next'));
  const reason = REASONS.find((r) => r === params.get('reason'));
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    if (auth.status !== 'authenticated') return;
    router.replace(next);
    router.refresh();
  }, [auth.status, next, router]);

  const go = async () => {
    setLeaving(true);
    await auth.signIn(next, locale);
  };

  return (
    <div className="form">
      {reason ? (
        <p
          className={`notice ${reason === 'signed-out' ? 'notice--ok' : 'notice--warn'}`}
          data-testid="sign-in-reason"
          data-reason={reason}
        >
          {t(`signIn.reason.${reason}`, { minutes: Math.round(auth.config.idleTimeoutSeconds / 60) })}
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void go()}
        disabled={auth.status !== 'anonymous' || leaving}
        data-testid="sign-in-submit"
      >
        {leaving ? t('signIn.redirecting') : t('signIn.continue')}
      </button>
      {auth.config.kind === 'embedded' ? (
        <p className="muted" style={{ fontSize: 13 }}>
          {t('signIn.embeddedHint')}
        </p>
      ) : null}
    </div>
  );
}
