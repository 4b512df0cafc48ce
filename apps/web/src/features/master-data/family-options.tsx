'use client';

import { METAL_FAMILIES, PRODUCT_FAMILIES } from '@ingot/contracts';
import { useI18n } from '../../i18n/i18n-provider.tsx';

/** The <option>s of a metal family (aluminium, copper, …) or product family (strip coil, foil, …) select. */
export function FamilyOptions({ of }: { of: 'metal' | 'product' }) {
  const { t } = useI18n();
  return of === 'metal'
    ? METAL_FAMILIES.map((m) => (
        <option key={m} value={m}>
          {t(`metalFamily.${m}`)}
        </option>
      ))
    : PRODUCT_FAMILIES.map((p) => (
        <option key={p} value={p}>
          {t(`productFamily.${p}`)}
        </option>
      ));
}
