'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatNumber } from '../orders/format.ts';
import { useAccess } from '../use-access.ts';
import { severityClass } from './alarm-format.ts';
import { AlarmRuleForm, type TAlarmRule } from './alarm-rule-form.tsx';
import styles from './alarms.module.css';
import { usePlantNames } from './use-plant-names.ts';

/** The rule's condition in words: "> 80 (deadband 3)", "±5 /min", "no data 30 s", "→ fault". */
function useConditionText() {
  const { t, locale } = useI18n();
  return (r: TAlarmRule) => {
    const n = (x: number | null) => formatNumber(x, locale, 4);
    switch (r.kind) {
      case 'high':
      case 'low':
        return t(`alarms.cond.${r.kind}`, { threshold: n(r.threshold), deadband: n(r.deadband) });
      case 'rate_of_change':
        return t('alarms.cond.rate', { rate: n(r.ratePerMinute) });
      case 'stale':
        return t('alarms.cond.stale', { s: r.staleAfterSeconds ?? 0 });
      default:
        return t('alarms.cond.state', { states: r.triggerStates.join(', ') });
    }
  };
}

/** Alarm rules of the member's plants: list, create and edit (alarm.manage), enable and disable. */
export function AlarmRulesView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const access = useAccess();
  const canManage = access.can('alarm.manage');
  const queryClient = useQueryClient();
  const { plants, label: plantLabel } = usePlantNames();
  const [plantId, setPlantId] = useState('');
  const rules = useQuery(trpc.alarm.rule.list.queryOptions(plantId ? { plantId } : {}));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.alarm.rule.pathKey() });
  const [editing, setEditing] = useState<TAlarmRule | 'new' | null>(null);
  const setEnabled = useMutation(
    trpc.alarm.rule.setEnabled.mutationOptions({ onSuccess: () => void refresh() }),
  );
  const condition = useConditionText();

  return (
    <div className={styles.layout}>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('alarms.rules.title')}</h1>
          <p>{t('alarms.rules.subtitle')}</p>
        </div>
        {canManage && editing === null ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setEditing('new')}
            data-testid="rule-new"
          >
            {t('alarms.rules.create')}
          </button>
        ) : null}
      </div>
      <div className={`card card-pad ${styles.filters}`}>
        <label>
          {t('telemetry.plant')}{' '}
          <select
            value={plantId}
            onChange={(e) => setPlantId(e.target.value)}
            data-testid="rule-plant-filter"
          >
            <option value="">{t('alarms.allPlants')}</option>
            {plants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {editing !== null ? (
        <AlarmRuleForm
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            void refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {rules.error ? <p className="notice notice--error">{apiError(rules.error).formError}</p> : null}
      {setEnabled.error ? (
        <p className="notice notice--error">{apiError(setEnabled.error).formError}</p>
      ) : null}
      {rules.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {rules.data?.length === 0 ? <p className="notice">{t('alarms.rules.empty')}</p> : null}
      {rules.data && rules.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="rule-table">
            <thead>
              <tr>
                <th scope="col">{t('alarms.rules.name')}</th>
                <th scope="col">{t('alarms.equipment')}</th>
                <th scope="col">{t('alarms.tag')}</th>
                <th scope="col">{t('alarms.rules.kind')}</th>
                <th scope="col">{t('alarms.rules.condition')}</th>
                <th scope="col">{t('alarms.severity')}</th>
                <th scope="col">{t('alarms.rules.enabled')}</th>
                {canManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rules.data.map((r) => (
                <tr key={r.id} data-testid="rule-row" data-rule-id={r.id}>
                  <td>
                    {r.name}
                    <div className="muted">{plantLabel(r.plantId)}</div>
                  </td>
                  <td className="mono">{r.equipment}</td>
                  <td className="mono">{r.tag ?? '—'}</td>
                  <td>{t(`alarms.kind.${r.kind}`)}</td>
                  <td>
                    {condition(r)}
                    {r.onDelaySeconds > 0 ? (
                      <div className="muted">{t('alarms.cond.delay', { s: r.onDelaySeconds })}</div>
                    ) : null}
                  </td>
                  <td>
                    <span className={severityClass(r.severity)}>{t(`alarms.severity.${r.severity}`)}</span>
                  </td>
                  <td>
                    <span className={r.enabled ? 'badge badge--ok' : 'badge'} data-testid="rule-enabled">
                      {r.enabled ? t('alarms.rules.on') : t('alarms.rules.off')}
                    </span>
                  </td>
                  {canManage ? (
                    <td>
                      <div className={styles.actions}>
                        <button
                          type="button"
                          className="btn btn-sm"
                          onClick={() => setEditing(r)}
                          data-testid="rule-edit"
                        >
                          {t('alarms.rules.editShort')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-sm"
                          disabled={setEnabled.isPending}
                          onClick={() => setEnabled.mutate({ id: r.id, enabled: !r.enabled })}
                          data-testid="rule-toggle"
                        >
                          {r.enabled ? t('alarms.rules.disable') : t('alarms.rules.enable')}
                        </button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
