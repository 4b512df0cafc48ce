'use client';

import { LOCALES, TENANT_KINDS, type TLocale, type TTenantKind } from '@ingot/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { FirstPasswordForm } from './first-password-form.tsx';

const STATUS_BADGE: Record<string, string> = {
  running: 'badge badge--warn',
  completed: 'badge badge--ok',
  failed: 'badge badge--error',
  not_found: 'badge',
};

/** Platform administration: every tenant, and provisioning a new one through the workflow. */
export function PlatformTenantsView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tenants = useQuery(trpc.platform.tenant.list.queryOptions());
  const [slug, setSlug] = useState<string | null>(null);
  const provision = useMutation(
    trpc.platform.tenant.provision.mutationOptions({ onSuccess: (r) => setSlug(r.slug) }),
  );
  const status = useQuery({
    ...trpc.platform.tenant.provisionStatus.queryOptions({ slug: slug ?? 'none' }),
    enabled: slug !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1500 : false),
  });
  const finished = status.data?.status === 'completed';
  // A completed run has created the tenant: reload the list once.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: trpc.platform.tenant.list.queryKey() });
  }, [finished, queryClient, trpc]);
  const apiError = useApiError();
  const err = apiError(provision.error);
  const fe = err.fieldErrors;
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const submit = (f: FormData) => {
    const s = (k: string) => String(f.get(k) ?? '');
    provision.mutate({
      slug: s('slug'),
      name: s('name'),
      kind: s('kind') as TTenantKind,
      defaultLocale: s('defaultLocale') as TLocale,
      firstPlant: { code: s('plantCode'), name: s('plantName') },
      admin: { email: s('adminEmail'), displayName: s('adminName') },
    });
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('platform.title')}</h1>
          <p>{t('platform.subtitle')}</p>
        </div>
      </div>

      <section className="card card-pad" aria-labelledby="tenants-heading" style={{ marginBottom: 16 }}>
        <h2 id="tenants-heading" style={{ marginTop: 0, fontSize: '1.1rem' }}>
          {t('platform.tenants')}
        </h2>
        {tenants.isLoading ? <p>{t('common.loading')}</p> : null}
        {tenants.error ? <p className="notice notice--warn">{apiError(tenants.error).formError}</p> : null}
        {tenants.data ? (
          <div className="table-wrap">
            <table className="data" data-testid="tenant-table">
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('platform.slug')}</th>
                  <th scope="col">{t('platform.kind')}</th>
                  <th scope="col">{t('platform.status')}</th>
                  <th scope="col">{t('platform.createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {tenants.data.map((x) => (
                  <tr key={x.id} data-testid={`tenant-${x.slug}`}>
                    <td>{x.name}</td>
                    <td className="mono">{x.slug}</td>
                    <td>{t(`platform.kind.${x.kind}`)}</td>
                    <td>
                      <span className={x.status === 'active' ? 'badge badge--ok' : 'badge badge--error'}>
                        {t(`platform.status.${x.status}`)}
                      </span>
                    </td>
                    <td>{fmt.format(x.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section className="card card-pad" aria-labelledby="provision-heading">
        <h2 id="provision-heading" style={{ marginTop: 0, fontSize: '1.1rem' }}>
          {t('platform.provision')}
        </h2>
        <FormFrame
          formError={err.formError}
          pending={provision.isPending}
          onSubmit={submit}
          submitLabel={t('platform.provisionSubmit')}
          testId="provision-form"
        >
          <div className="form-grid">
            <Field label={t('common.name')} error={fe.name}>
              <input name="name" type="text" autoComplete="off" />
            </Field>
            <Field label={t('platform.slug')} error={fe.slug} hint="east-china-al">
              <input name="slug" type="text" autoComplete="off" />
            </Field>
            <Field label={t('platform.kind')} error={fe.kind}>
              <select name="kind" defaultValue="company">
                {TENANT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`platform.kind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('platform.defaultLocale')} error={fe.defaultLocale}>
              <select name="defaultLocale" defaultValue="zh-CN">
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {t(`locale.${l}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('platform.firstPlantCode')} error={fe['firstPlant.code']}>
              <input name="plantCode" type="text" autoComplete="off" />
            </Field>
            <Field label={t('platform.firstPlantName')} error={fe['firstPlant.name']}>
              <input name="plantName" type="text" autoComplete="off" />
            </Field>
            <Field label={t('platform.adminEmail')} error={fe['admin.email']}>
              <input name="adminEmail" type="email" autoComplete="off" />
            </Field>
            <Field label={t('platform.adminName')} error={fe['admin.displayName']}>
              <input name="adminName" type="text" autoComplete="off" />
            </Field>
          </div>
        </FormFrame>
        {slug ? (
          <div className="notice" aria-live="polite" style={{ marginTop: 12 }} data-testid="provision-status">
            <strong>{t('platform.run')}</strong> <span className="mono">{slug}</span>:{' '}
            {status.data ? (
              <span
                className={STATUS_BADGE[status.data.status] ?? 'badge'}
                data-testid="provision-state"
                data-state={status.data.status}
              >
                {t(`platform.run.${status.data.status}`)}
              </span>
            ) : (
              t('common.loading')
            )}
            {status.data?.status === 'failed' ? <p className="field-error">{status.data.error}</p> : null}
            {status.error ? <p className="field-error">{apiError(status.error).formError}</p> : null}
          </div>
        ) : null}
      </section>
      <FirstPasswordForm />
    </>
  );
}
