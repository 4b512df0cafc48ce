'use client';

import type { TMetalFamily } from '@ingot/contracts';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { FamilyField } from './family-field.tsx';
import { text } from './form-values.ts';
import { MasterDataForm } from './master-data-form.tsx';
import type { TMasterDataFormProps, TTemper } from './types.ts';

export interface TTemperValues {
  code: string;
  family: TMetalFamily;
  description: string;
}

/** A temper designation: code and metal family (both fixed once created) and its description. */
export function TemperForm(props: TMasterDataFormProps<TTemper, TTemperValues>) {
  const { t } = useI18n();
  const init = props.initial;
  const fe = props.error.fieldErrors;
  const submit = (f: FormData) =>
    props.onSubmit({
      code: text(f.get('code')),
      family: (text(f.get('family')) || 'aluminium') as TMetalFamily,
      description: text(f.get('description')),
    });
  return (
    <MasterDataForm
      kind="temper"
      formError={props.error.formError}
      pending={props.pending}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <Field label={t('common.code')} error={fe.code} testId="temper-code">
          <input
            name="code"
            type="text"
            defaultValue={init?.code ?? ''}
            disabled={Boolean(init)}
            data-testid="temper-code"
          />
        </Field>
        <FamilyField of="metal" initial={init?.family} locked={Boolean(init)} error={fe.family} />
      </div>
      <Field label={t('masterData.description')} error={fe.description}>
        <textarea name="description" rows={2} defaultValue={init?.description ?? ''} />
      </Field>
    </MasterDataForm>
  );
}
