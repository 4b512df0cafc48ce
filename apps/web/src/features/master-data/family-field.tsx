'use client';

import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { FamilyOptions } from './family-options.tsx';

const FIELD = {
  metal: { name: 'family', label: 'masterData.family', fallback: 'aluminium' },
  product: { name: 'productFamily', label: 'masterData.productFamily', fallback: 'strip_coil' },
} as const;

/**
 * The metal family (form field `family`) or product family (`productFamily`) of a form; fixed once the item
 * exists, since what hangs under it (tempers, specs, routings) depends on it.
 */
export function FamilyField(props: {
  of: 'metal' | 'product';
  initial: string | undefined;
  locked: boolean;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const field = FIELD[props.of];
  return (
    <Field label={t(field.label)} error={props.error}>
      <select name={field.name} defaultValue={props.initial ?? field.fallback} disabled={props.locked}>
        <FamilyOptions of={props.of} />
      </select>
    </Field>
  );
}
