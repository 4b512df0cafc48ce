'use client';

import { useEffect } from 'react';
import { useAuth } from './auth-provider.tsx';

/**
 * On pages behind sign-in: the server let the page render from the session cookie; if the issuer then says there is
 * no session (signed out in another tab, ended by an administrator, timed out), the portal session ends too.
 */
export function SessionGuard() {
  const { status, expire } = useAuth();
  useEffect(() => {
    if (status === 'anonymous') void expire();
  }, [status, expire]);
  return null;
}
