'use client';

import { type FormEvent, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';

/** E-mail and password, posted to the identity route; the session comes back as an httpOnly cookie. */
export function SignInForm() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await fetch('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: String(form.get('email') ?? ''),
          password: String(form.get('password') ?? ''),
        }),
      });
      if (!res.ok) {
        setError(res.status === 401 || res.status === 400 ? t('signIn.failed') : t('common.unexpectedError'));
        return;
      }
      // A tenant picked by whoever used this browser before does not carry over.
      await fetch('/api/tenant', { method: 'DELETE' });
      // A language chosen on this browser (the switch sets the cookie) is the latest choice: remember it.
      const chosen = /(?:^|;\s*)ingot_locale=([^;]+)/.exec(document.cookie)?.[1];
      if (chosen === 'en' || chosen === 'zh-CN') {
        await fetch('/api/locale', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ locale: chosen }),
        });
      }
      window.location.assign('/');
    } catch {
      setError(t('common.unexpectedError'));
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} data-testid="sign-in-form">
      <FormError message={error} />
      <Field label={t('signIn.email')}>
        <input name="email" type="email" autoComplete="username" required data-testid="sign-in-email" />
      </Field>
      <Field label={t('signIn.password')}>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          data-testid="sign-in-password"
        />
      </Field>
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="sign-in-submit">
        {pending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
