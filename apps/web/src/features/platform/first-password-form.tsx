'use client';

import { useMutation } from '@tanstack/react-query';
import { Field } from '../../components/field.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
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
  const submit = (f: FormData) => {
    issue.mutate({ slug: String(f.get('slug') ?? ''), email: String(f.get('email') ?? '') });
  };
  return (
    <section className="card card-pad" aria-labelledby="first-password-heading" style={{ marginTop: 16 }}>
      <h2 id="first-password-heading" style={{ marginTop: 0, fontSize: '1.1rem' }}>
        {t('platform.firstPassword')}
      </h2>
      <p className="muted">{t('platform.firstPassword.help')}</p>
      <FormFrame
        formError={err.formError}
        pending={issue.isPending}
        onSubmit={submit}
        submitLabel={t('platform.firstPassword.submit')}
        tone="plain"
        testId="first-password-form"
      >
        <div className="form-grid">
          <Field label={t('platform.slug')} error={err.fieldErrors.slug}>
            <input name="slug" type="text" autoComplete="off" />
          </Field>
          <Field label={t('platform.adminEmail')} error={err.fieldErrors.email}>
            <input name="email" type="email" autoComplete="off" />
          </Field>
        </div>
      </FormFrame>
      {issue.data ? (
        <div className="notice notice--ok" aria-live="polite" data-testid="first-password-issued">
          <p>{t('platform.firstPassword.issued', { email: issue.data.email })}</p>
          <code>{issue.data.temporaryPassword}</code>
        </div>
      ) : null}
    </section>
  );
}
