import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '../i18n/i18n-provider.tsx';
import { getRequestLocale } from '../server/request-context.ts';
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
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>
          <TrpcProviders>{children}</TrpcProviders>
        </I18nProvider>
      </body>
    </html>
  );
}
