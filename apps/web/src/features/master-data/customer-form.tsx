'use client';

import { CodeNameFields } from '../../components/code-name-fields.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { text } from './form-values.ts';
import { MasterDataForm } from './master-data-form.tsx';
import type { TCustomer, TMasterDataFormProps } from './types.ts';

export interface TCustomerValues {
  code: string;
  name: string;
  country: string;
  contact: { person: string; phone: string; email: string; address: string };
}

/** A customer: code, name, country (ISO two letters) and the contact for orders. */
export function CustomerForm(props: TMasterDataFormProps<TCustomer, TCustomerValues>) {
  const { t } = useI18n();
  const init = props.initial;
  const fe = props.error.fieldErrors;
  const submit = (f: FormData) =>
    props.onSubmit({
      code: text(f.get('code')),
      name: text(f.get('name')),
      country: text(f.get('country')).toUpperCase(),
      contact: {
        person: text(f.get('person')),
        phone: text(f.get('phone')),
        email: text(f.get('email')),
        address: text(f.get('address')),
      },
    });
  return (
    <MasterDataForm
      kind="customer"
      formError={props.error.formError}
      pending={props.pending}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <CodeNameFields testIdPrefix="customer" initial={init} fieldErrors={fe} />
        <Field label={t('masterData.country')} error={fe.country}>
          <input name="country" type="text" maxLength={2} defaultValue={init?.country ?? 'CN'} />
        </Field>
        <Field label={t('masterData.contactPerson')} error={fe['contact.person']}>
          <input name="person" type="text" defaultValue={init?.contact.person} />
        </Field>
        <Field label={t('masterData.contactPhone')} error={fe['contact.phone']}>
          <input name="phone" type="text" defaultValue={init?.contact.phone} />
        </Field>
        <Field label={t('masterData.contactEmail')} error={fe['contact.email']}>
          <input name="email" type="email" defaultValue={init?.contact.email} />
        </Field>
      </div>
      <Field label={t('masterData.contactAddress')} error={fe['contact.address']}>
        <input name="address" type="text" defaultValue={init?.contact.address} />
      </Field>
    </MasterDataForm>
  );
}
