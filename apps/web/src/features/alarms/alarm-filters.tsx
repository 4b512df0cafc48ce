'use client';

import { ALARM_SEVERITIES, type TAlarmSeverity } from '@ingot/contracts';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import styles from './alarms.module.css';
import { usePlantNames } from './use-plant-names.ts';

export interface TAlarmFilter {
  plantId: string;
  severity: TAlarmSeverity | '';
}

/** Plant and severity filters shared by the alarm lists. */
export function AlarmFilters({
  value,
  onChange,
  children,
}: {
  value: TAlarmFilter;
  onChange: (v: TAlarmFilter) => void;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  const { plants } = usePlantNames();
  return (
    <div className={`card card-pad ${styles.filters}`}>
      <Field label={t('telemetry.plant')}>
        <select
          value={value.plantId}
          onChange={(e) => onChange({ ...value, plantId: e.target.value })}
          data-testid="alarm-filter-plant"
        >
          <option value="">{t('alarms.allPlants')}</option>
          {plants.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} · {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('alarms.severity')}>
        <select
          value={value.severity}
          onChange={(e) => onChange({ ...value, severity: e.target.value as TAlarmSeverity | '' })}
          data-testid="alarm-filter-severity"
        >
          <option value="">{t('alarms.allSeverities')}</option>
          {ALARM_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`alarms.severity.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      {children}
    </div>
  );
}

/** The filter as alarm.list input fields. */
export function filterInput(f: TAlarmFilter) {
  return {
    ...(f.plantId ? { plantId: f.plantId } : {}),
    ...(f.severity ? { severity: [f.severity] } : {}),
  };
}
