'use client';

import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';

/** The free-text search of a filter bar; its `q` value is read when the bar's form is submitted. */
export function SearchFilter({ value }: { value: string }) {
  const { t } = useI18n();
  return (
    <Field label={t('masterData.search')}>
      <input name="q" type="search" defaultValue={value} />
    </Field>
  );
}
