'use client';

import { useI18n } from '../../i18n/i18n-provider.tsx';
import { formatNumber } from '../orders/format.ts';
import styles from './master-data.module.css';
import type { TRouting } from './types.ts';

/** A routing's steps in order: name, operation code, yield, recipe, and the eligible equipment with rates. */
export function RoutingSteps({ steps }: { steps: TRouting['steps'] }) {
  const { t, locale } = useI18n();
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {steps.map((s) => (
        <li key={s.id}>
          <strong>{s.name}</strong> <span className="mono muted">{s.operationCode}</span> ·{' '}
          {t('masterData.yield')} {formatNumber(s.yield, locale)}
          {s.recipe ? ` · ${t('masterData.recipe')}: ${s.recipe}` : ''}
          <div className={`muted ${styles.small}`}>
            {s.equipment
              .map(
                (e) =>
                  `${e.equipmentCode} ${formatNumber(e.rate, locale)} ${t(`rateUnit.${e.rateUnit}`)}${e.fixedMinutes ? ` + ${e.fixedMinutes} min` : ''}`,
              )
              .join(' / ')}
          </div>
        </li>
      ))}
    </ol>
  );
}
