'use client';

import type { FormEvent, ReactNode, Ref } from 'react';
import { FormError } from '../../components/form-error.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';

/**
 * The frame of every master-data form: the message that belongs to no field on top, the fields, then Cancel and
 * Save (disabled and reading "saving…" while the request runs). Test ids `${kind}-form` and `${kind}-submit`.
 */
export function MasterDataForm(props: {
  kind: string;
  formError: string | null | undefined;
  pending: boolean;
  /** The form's fields as typed (the browser's own submit is prevented). */
  onSubmit: (fields: FormData) => void;
  onCancel: () => void;
  children: ReactNode;
  ref?: Ref<HTMLFormElement>;
}) {
  const { t } = useI18n();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    props.onSubmit(new FormData(e.currentTarget));
  };
  return (
    <form ref={props.ref} className="form" onSubmit={submit} noValidate data-testid={`${props.kind}-form`}>
      <FormError message={props.formError} />
      {props.children}
      <div className="form-actions">
        <button type="button" className="btn" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={props.pending}
          data-testid={`${props.kind}-submit`}
        >
          {props.pending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
