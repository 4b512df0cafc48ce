'use client';

import type { ReactNode, Ref } from 'react';
import { FormFrame } from '../../components/form-frame.tsx';

/**
 * The portal's `FormFrame` with the master-data defaults: Cancel and Save, test ids `${kind}-form` and
 * `${kind}-submit`.
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
  return (
    <FormFrame
      ref={props.ref}
      formError={props.formError}
      pending={props.pending}
      onSubmit={(fields) => props.onSubmit(fields)}
      onCancel={props.onCancel}
      testId={`${props.kind}-form`}
      submitTestId={`${props.kind}-submit`}
    >
      {props.children}
    </FormFrame>
  );
}
