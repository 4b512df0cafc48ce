import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AuthProvider } from '../auth/auth-provider.tsx';
import { env } from '../env.ts';
import { I18nProvider } from '../i18n/i18n-provider.tsx';
import { getRequestLocale } from '../server/request-context.ts';
import { getPortalRuntime } from '../server/runtime.ts';
import { TrpcProviders } from '../trpc/react.tsx';
import './globals.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Ingot', template: '%s · Ingot' },
  description: 'Ingot — industrial internet platform for aluminium and copper processing plants',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getRequestLocale();
  const { identity } = await getPortalRuntime();
  const authConfig = {
    kind: identity.kind,
    issuer: identity.issuer,
    clientId: identity.clientId,
    idleTimeoutSeconds: env.INGOT_IDLE_TIMEOUT_SECONDS,
  };
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>
          <AuthProvider config={authConfig}>
            <TrpcProviders>{children}</TrpcProviders>
          </AuthProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
