'use client';

import type { FormEvent, ReactNode, Ref } from 'react';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { FormError } from './form-error.tsx';

/** How the submit button looks: the usual primary, a destructive one, or a plain one. */
export type TFormFrameTone = 'primary' | 'danger' | 'plain';

const SUBMIT_CLASS: Record<TFormFrameTone, string> = {
  primary: 'btn btn-primary',
  danger: 'btn btn-danger-solid',
  plain: 'btn',
};

export interface TFormFrameProps {
  /** The form's fields as typed (the browser's own submit and its validation bubbles are off), and the form. */
  onSubmit: (fields: FormData, form: HTMLFormElement) => void;
  /** The message that belongs to no single field, shown on top. */
  formError?: string | null | undefined;
  /** While the request runs the submit button is disabled (and the default label reads "saving…"). */
  pending?: boolean;
  /** Shows a Cancel button before the submit. */
  onCancel?: () => void;
  /** Above the error: a title or a line of help. */
  heading?: ReactNode;
  children?: ReactNode;
  /** Further buttons at the start of the actions row (they must be `type="button"`). */
  extraActions?: ReactNode;
  /** Defaults to Save / Saving…; a caller's label is shown as given, pending or not. */
  submitLabel?: ReactNode;
  tone?: TFormFrameTone;
  /** Classes added to `form` (e.g. `card card-pad`). */
  className?: string;
  testId?: string;
  submitTestId?: string;
  ref?: Ref<HTMLFormElement>;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

/**
 * The frame of every portal form: an optional heading, the message that belongs to no field, the fields, then the
 * actions row (extra actions, Cancel when `onCancel` is given, and the submit button, disabled while pending).
 */
export function FormFrame(props: TFormFrameProps) {
  const { t } = useI18n();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    props.onSubmit(new FormData(e.currentTarget), e.currentTarget);
  };
  const pending = props.pending ?? false;
  return (
    <form
      ref={props.ref}
      className={props.className ? `form ${props.className}` : 'form'}
      onSubmit={submit}
      noValidate
      data-testid={props.testId}
      aria-label={props['aria-label']}
      aria-labelledby={props['aria-labelledby']}
    >
      {props.heading}
      <FormError message={props.formError} />
      {props.children}
      <div className="form-actions">
        {props.extraActions}
        {props.onCancel ? (
          <button type="button" className="btn" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        <button
          type="submit"
          className={SUBMIT_CLASS[props.tone ?? 'primary']}
          disabled={pending}
          data-testid={props.submitTestId}
        >
          {props.submitLabel ?? (pending ? t('common.saving') : t('common.save'))}
        </button>
      </div>
    </form>
  );
}
