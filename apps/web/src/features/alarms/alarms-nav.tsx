'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useI18n } from '../../i18n/i18n-provider.tsx';

const SECTIONS = [
  { href: '/alarms', key: 'alarms.nav.active', exact: true },
  { href: '/alarms/shelved', key: 'alarms.nav.shelved', exact: false },
  { href: '/alarms/history', key: 'alarms.nav.history', exact: false },
  { href: '/alarms/rules', key: 'alarms.nav.rules', exact: false },
] as const;

/** The alarm pages' own navigation. */
export function AlarmsNav() {
  const { t } = useI18n();
  const pathname = usePathname() ?? '';
  return (
    <nav className="sub-nav" aria-label={t('alarms.nav')}>
      <ul>
        {SECTIONS.map((s) => {
          const current = s.exact ? pathname === s.href : pathname.startsWith(s.href);
          return (
            <li key={s.href}>
              <Link href={s.href} aria-current={current ? 'page' : undefined}>
                {t(s.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
