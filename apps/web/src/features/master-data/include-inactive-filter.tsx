'use client';

import { useI18n } from '../../i18n/i18n-provider.tsx';

/** "Show inactive" for lists whose rows can be deactivated (the API lists active ones only by default). */
export function IncludeInactiveFilter(props: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label>
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          data-testid="include-inactive"
        />{' '}
        {t('masterData.includeInactive')}
      </label>
    </div>
  );
}
