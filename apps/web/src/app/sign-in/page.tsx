import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { LanguageSwitch } from '../../components/portal-header.tsx';
import { SignInPanel } from '../../features/sign-in/sign-in-panel.tsx';
import { createTranslator } from '../../i18n/messages.ts';
import { getRequestLocale, getRequestMe } from '../../server/request-context.ts';

export const metadata: Metadata = { title: 'Sign in · 登录' };

export default async function SignInPage() {
  if (await getRequestMe()) redirect('/');
  const t = createTranslator(await getRequestLocale());
  return (
    <main id="main" className="center-screen">
      <div className="card sign-in-card">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <span className="brand" style={{ color: 'var(--text)' }}>
            <span className="brand__mark" aria-hidden="true">
              In
            </span>
            <span>Ingot</span>
          </span>
          <LanguageSwitch className="lang-switch--light" />
        </div>
        <h1 style={{ marginTop: 16 }} data-testid="page-title">
          {t('signIn.title')}
        </h1>
        <p className="muted" style={{ marginTop: 0 }}>
          {t('app.name')} — {t('app.tagline')}
        </p>
        <Suspense>
          <SignInPanel />
        </Suspense>
        <p className="muted" style={{ fontSize: 13, marginBottom: 0 }}>
          {t('signIn.demoHint')}
        </p>
      </div>
    </main>
  );
}
