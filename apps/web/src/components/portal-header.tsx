'use client';

import { LOCALES, type TLocale, type TRole } from '@ingot/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useAuth } from '../auth/auth-provider.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { useTRPC } from '../trpc/react.tsx';

export interface TPortalMe {
  user: { id: string; email: string; displayName: string; platformAdmin: boolean };
  memberships: { tenantId: string; tenantName: string; tenantSlug: string; roles: TRole[] }[];
  activeTenantId: string | null;
  activeTenantStale: boolean;
}

async function post(url: string, body: unknown, method = 'POST'): Promise<Response> {
  return fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Switches the portal language: remembered for the user (me.setLocale) and in a cookie for signed-out pages. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const choose = async (next: TLocale) => {
    if (next === locale || pending) return;
    setPending(true);
    try {
      await post('/api/locale', { locale: next });
      router.refresh();
    } finally {
      setPending(false);
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of toggle buttons, not a form fieldset.
    <div className={`lang-switch ${className ?? ''}`} role="group" aria-label={t('header.language')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          onClick={() => void choose(l)}
          data-testid={`lang-${l}`}
        >
          {t(`locale.${l}`)}
        </button>
      ))}
    </div>
  );
}

function TenantSwitcher({ me }: { me: TPortalMe }) {
  const { t } = useI18n();
  const id = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  if (me.memberships.length === 0) return null;
  const change = async (tenantId: string) => {
    setPending(true);
    try {
      const res = await post('/api/tenant', { tenantId });
      if (res.ok) {
        queryClient.clear();
        router.push('/plants');
        router.refresh();
      }
    } finally {
      setPending(false);
    }
  };
  return (
    <div>
      <label htmlFor={id} className="visually-hidden">
        {t('header.tenant')}
      </label>
      <select
        id={id}
        value={me.activeTenantId ?? ''}
        onChange={(e) => void change(e.target.value)}
        disabled={pending}
        data-testid="tenant-switcher"
      >
        {me.memberships.map((m) => (
          <option key={m.tenantId} value={m.tenantId}>
            {m.tenantName}
          </option>
        ))}
      </select>
    </div>
  );
}

function UserMenu({ me }: { me: TPortalMe }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const { signOut } = useAuth();

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn btn-ghost btn-sm"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${t('header.userMenu')}: ${me.user.displayName}`}
        onClick={() => setOpen((v) => !v)}
        data-testid="user-menu"
      >
        {me.user.displayName} ▾
      </button>
      {open ? (
        <div className="user-menu__panel" id={panelId}>
          <p>
            <strong>{me.user.displayName}</strong>
          </p>
          <p className="muted">{me.user.email}</p>
          {me.user.platformAdmin ? <p className="badge">{t('header.platformAdmin')}</p> : null}
          <button
            type="button"
            className="btn"
            onClick={() => void signOut('signed-out')}
            data-testid="sign-out"
          >
            {t('header.signOut')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The portal's header: brand, navigation, tenant switcher, language switch and user menu. */
export function PortalHeader({ me }: { me: TPortalMe }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const router = useRouter();
  const active = me.memberships.find((m) => m.tenantId === me.activeTenantId);
  const isAdmin = active?.roles.includes('tenant_admin') ?? false;
  // Production pages appear when the API's permission table grants their read action (tenant.get lists them).
  const trpc = useTRPC();
  const tenant = useQuery({ ...trpc.tenant.get.queryOptions(), enabled: me.memberships.length > 0 });
  const actions: readonly string[] = tenant.data?.access.actions ?? [];
  const can = (action: string) => actions.includes(action);

  // The picked tenant is no longer one of the user's (e.g. another user signed in on this browser): pick anew.
  useEffect(() => {
    if (!me.activeTenantStale) return;
    const next = me.activeTenantId;
    void (next ? post('/api/tenant', { tenantId: next }) : fetch('/api/tenant', { method: 'DELETE' })).then(
      () => router.refresh(),
    );
  }, [me.activeTenantStale, me.activeTenantId, router]);

  const links = [
    { href: '/plants', label: t('header.plants'), show: can('plant.read') },
    { href: '/orders', label: t('header.orders'), show: can('order.read') },
    { href: '/planning', label: t('header.planning'), show: can('plan.read') },
    { href: '/shop-floor', label: t('header.shopFloor'), show: can('operation.read') },
    { href: '/lots', label: t('header.lots'), show: can('lot.read') },
    { href: '/live', label: t('header.live'), show: can('telemetry.read') },
    { href: '/trends', label: t('header.trends'), show: can('telemetry.read') },
    { href: '/alarms', label: t('header.alarms'), show: can('alarm.read') },
    { href: '/quality', label: t('header.quality'), show: can('quality.read') },
    { href: '/certificates', label: t('header.certificates'), show: can('certificate.read') },
    { href: '/connectors', label: t('header.connectors'), show: can('connector.read') },
    { href: '/master-data', label: t('header.masterData'), show: can('masterData.read') },
    { href: '/members', label: t('header.members'), show: isAdmin },
    { href: '/audit', label: t('header.audit'), show: isAdmin },
    { href: '/platform/tenants', label: t('header.platform'), show: me.user.platformAdmin },
  ].filter((l) => l.show);

  return (
    <header className="app-header">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <div className="app-header__inner">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            In
          </span>
          <span>Ingot</span>
        </Link>
        <nav className="main-nav" aria-label={t('header.nav')}>
          <ul>
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} aria-current={pathname?.startsWith(l.href) ? 'page' : undefined}>
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <TenantSwitcher me={me} />
          <LanguageSwitch />
          <UserMenu me={me} />
        </div>
      </div>
    </header>
  );
}
