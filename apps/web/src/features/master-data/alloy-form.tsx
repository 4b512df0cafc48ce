'use client';

import type { TMetalFamily } from '@ingot/contracts';
import { useState } from 'react';
import { CodeNameFields } from '../../components/code-name-fields.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { compositionRows, rowsToComposition, type TElementRow } from './composition.ts';
import { CompositionEditor } from './composition-editor.tsx';
import { FamilyField } from './family-field.tsx';
import { numberOrNull, numberValue, text } from './form-values.ts';
import { MasterDataForm } from './master-data-form.tsx';
import type { TAlloy, TMasterDataFormProps } from './types.ts';

export interface TAlloyValues {
  code: string;
  family: TMetalFamily;
  name: string;
  standard: string;
  density: number | null;
  composition: TAlloy['composition'];
}

/** An alloy: code, name, family (fixed once created), standard, density and composition limits. */
export function AlloyForm(props: TMasterDataFormProps<TAlloy, TAlloyValues>) {
  const { t } = useI18n();
  const init = props.initial;
  const fe = props.error.fieldErrors;
  const [rows, setRows] = useState<TElementRow[]>(() => compositionRows(init?.composition ?? {}));
  const submit = (f: FormData) =>
    props.onSubmit({
      code: text(f.get('code')),
      family: (text(f.get('family')) || 'aluminium') as TMetalFamily,
      name: text(f.get('name')),
      standard: text(f.get('standard')),
      density: numberOrNull(f.get('density')),
      composition: rowsToComposition(rows, init?.composition ?? {}),
    });
  return (
    <MasterDataForm
      kind="alloy"
      formError={props.error.formError ?? fe.composition}
      pending={props.pending}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <CodeNameFields testIdPrefix="alloy" initial={init} fieldErrors={fe} />
        <FamilyField of="metal" initial={init?.family} locked={Boolean(init)} error={fe.family} />
        <Field label={t('masterData.standard')} error={fe.standard}>
          <input name="standard" type="text" defaultValue={init?.standard} />
        </Field>
        <Field label={t('masterData.density')} error={fe.density}>
          <input
            name="density"
            type="number"
            step="any"
            min={1}
            max={25}
            defaultValue={numberValue(init?.density)}
          />
        </Field>
      </div>
      <CompositionEditor rows={rows} onChange={setRows} fieldErrors={fe} />
    </MasterDataForm>
  );
}
