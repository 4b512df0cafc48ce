'use client';

import { useState } from 'react';
import { CodeNameFields } from '../../components/code-name-fields.tsx';
import { Field } from '../../components/field.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { TApiErrorView } from '../../trpc/describe-api-error.ts';
import type { TPlantItem } from '../../trpc/types.ts';

export interface TPlantFormValues {
  code: string;
  name: string;
  timezone: string;
  address: { line1: string; city: string; province: string; postalCode: string; country: string };
}

const TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Bangkok',
  'Asia/Ho_Chi_Minh',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Europe/Berlin',
  'America/New_York',
  'UTC',
];

export function PlantForm(props: {
  initial?: TPlantItem | undefined;
  pending: boolean;
  error: TApiErrorView;
  onSubmit: (values: TPlantFormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const init = props.initial;
  const [timezone, setTimezone] = useState(init?.timezone ?? 'Asia/Shanghai');
  const zones = TIME_ZONES.includes(timezone) ? TIME_ZONES : [timezone, ...TIME_ZONES];
  const fe = props.error.fieldErrors;

  const submit = (f: FormData) => {
    const s = (k: string) => String(f.get(k) ?? '');
    props.onSubmit({
      code: s('code'),
      name: s('name'),
      timezone,
      address: {
        line1: s('line1'),
        city: s('city'),
        province: s('province'),
        postalCode: init?.address.postalCode ?? '',
        country: s('country'),
      },
    });
  };

  return (
    <FormFrame
      formError={props.error.formError}
      pending={props.pending}
      onSubmit={submit}
      onCancel={props.onCancel}
      testId="plant-form"
      submitTestId="plant-submit"
    >
      <div className="form-grid">
        <CodeNameFields testIdPrefix="plant" initial={init} fieldErrors={fe} />
        <Field label={t('plants.timezone')} error={fe.timezone}>
          <select name="timezone" value={timezone} onChange={(e) => setTimezone(e.target.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('plants.province')} error={fe['address.province']}>
          <input name="province" type="text" defaultValue={init?.address.province} />
        </Field>
        <Field label={t('plants.city')} error={fe['address.city']}>
          <input name="city" type="text" defaultValue={init?.address.city} />
        </Field>
        <Field label={t('plants.country')} error={fe['address.country']}>
          <input name="country" type="text" defaultValue={init?.address.country ?? 'CN'} maxLength={2} />
        </Field>
      </div>
      <Field label={t('plants.addressLine')} error={fe['address.line1']}>
        <input name="line1" type="text" defaultValue={init?.address.line1} />
      </Field>
    </FormFrame>
  );
}
