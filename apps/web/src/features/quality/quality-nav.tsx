'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useI18n } from '../../i18n/i18n-provider.tsx';

const SECTIONS = [
  { href: '/quality/lab', key: 'quality.nav.lab' },
  { href: '/quality/plans', key: 'quality.nav.plans' },
  { href: '/quality/nonconformances', key: 'quality.nav.nonconformances' },
  { href: '/quality/spc', key: 'quality.nav.spc' },
  { href: '/quality/trace', key: 'quality.nav.trace' },
  { href: '/quality/kpi', key: 'quality.nav.kpi' },
] as const;

/** The quality module's own navigation (every page under /quality). */
export function QualityNav() {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <nav className="sub-nav" aria-label={t('quality.nav')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={pathname?.startsWith(s.href) ? 'page' : undefined}>
              {t(s.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
