'use client';

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';

/**
 * A first password for a new tenant's administrator when Keycloak cannot e-mail one: shown once here, handed over in
 * person, changed at first sign-in. The server refuses anyone who has already signed in.
 */
export function FirstPasswordForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const issue = useMutation(trpc.platform.tenant.issueFirstPassword.mutationOptions());
  const apiError = useApiError();
  const err = apiError(issue.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    issue.mutate({ slug: String(f.get('slug') ?? ''), email: String(f.get('email') ?? '') });
  };
  return (
    <section className="card card-pad" aria-labelledby="first-password-heading" style={{ marginTop: 16 }}>
      <h2 id="first-password-heading" style={{ marginTop: 0, fontSize: '1.1rem' }}>
        {t('platform.firstPassword')}
      </h2>
      <p className="muted">{t('platform.firstPassword.help')}</p>
      <form className="form" onSubmit={submit} noValidate data-testid="first-password-form">
        <FormError message={err.formError} />
        <div className="form-grid">
          <Field label={t('platform.slug')} error={err.fieldErrors.slug}>
            <input name="slug" type="text" autoComplete="off" />
          </Field>
          <Field label={t('platform.adminEmail')} error={err.fieldErrors.email}>
            <input name="email" type="email" autoComplete="off" />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={issue.isPending}>
            {t('platform.firstPassword.submit')}
          </button>
        </div>
      </form>
      {issue.data ? (
        <div className="notice notice--ok" aria-live="polite" data-testid="first-password-issued">
          <p>{t('platform.firstPassword.issued', { email: issue.data.email })}</p>
          <code>{issue.data.temporaryPassword}</code>
        </div>
      ) : null}
    </section>
  );
}
