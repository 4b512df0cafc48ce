'use client';

import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { FamilyOptions } from './family-options.tsx';

/** Narrows a list to one metal or product family ('' = all families). */
export function FamilyFilter(props: {
  of: 'metal' | 'product';
  value: string;
  onChange: (family: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Field label={props.of === 'metal' ? t('masterData.family') : t('masterData.productFamily')}>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('masterData.allFamilies')}</option>
        <FamilyOptions of={props.of} />
      </select>
    </Field>
  );
}
