import type { Metadata } from 'next';
import { PlatformTenantsView } from '../../../../features/platform/platform-tenants-view.tsx';
import { createTranslator } from '../../../../i18n/messages.ts';
import { getRequestLocale, getRequestMe } from '../../../../server/request-context.ts';

export const metadata: Metadata = { title: 'Tenants · 租户管理' };

export default async function PlatformTenantsPage() {
  const me = await getRequestMe();
  if (!me?.user.platformAdmin) {
    const t = createTranslator(await getRequestLocale());
    return <p className="notice notice--warn">{t('platform.forbidden')}</p>;
  }
  return <PlatformTenantsView />;
}
