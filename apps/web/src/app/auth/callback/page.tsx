import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SignInCallback } from '../../../features/sign-in/sign-in-callback.tsx';

export const metadata: Metadata = { title: 'Sign in · 登录' };

/** Where the issuer sends the browser back with the authorization code (keycloak-js exchanges it). */
export default function SignInCallbackPage() {
  return (
    <main id="main" className="center-screen">
      <div className="card sign-in-card">
        <Suspense>
          <SignInCallback />
        </Suspense>
      </div>
    </main>
  );
}
