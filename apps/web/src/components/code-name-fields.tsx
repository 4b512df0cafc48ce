'use client';

import { useI18n } from '../i18n/i18n-provider.tsx';
import { Field } from './field.tsx';

/** The code and name inputs every level of the hierarchy has (plant, area, line, equipment). */
export function CodeNameFields({
  testIdPrefix,
  initial,
  fieldErrors,
}: {
  testIdPrefix: string;
  initial: { code: string; name: string } | null | undefined;
  fieldErrors: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('common.code')} error={fieldErrors.code} testId={`${testIdPrefix}-code`}>
        <input
          name="code"
          type="text"
          defaultValue={initial?.code}
          autoComplete="off"
          data-testid={`${testIdPrefix}-code`}
        />
      </Field>
      <Field label={t('common.name')} error={fieldErrors.name} testId={`${testIdPrefix}-name`}>
        <input
          name="name"
          type="text"
          defaultValue={initial?.name}
          autoComplete="off"
          data-testid={`${testIdPrefix}-name`}
        />
      </Field>
    </>
  );
}
