'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import '../orders/production.css';

const TABS = [
  { href: '/master-data/alloys', key: 'masterData.alloys' },
  { href: '/master-data/tempers', key: 'masterData.tempers' },
  { href: '/master-data/customers', key: 'masterData.customers' },
  { href: '/master-data/specs', key: 'masterData.specs' },
  { href: '/master-data/routings', key: 'masterData.routings' },
] as const;

/** The master data heading and one link per kind (the current one marked for screen readers). */
export function MasterDataTabs() {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('masterData.title')}</h1>
          <p>{t('masterData.subtitle')}</p>
        </div>
      </div>
      <nav className="tabs" aria-label={t('masterData.tabs')}>
        {TABS.map((tab) => (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={pathname?.startsWith(tab.href) ? 'page' : undefined}
            data-testid={`md-tab-${tab.href.split('/').pop()}`}
          >
            {t(tab.key)}
          </Link>
        ))}
      </nav>
    </>
  );
}
