'use client';

import {
  CHARACTERISTIC_CODES,
  SPC_CHART_TYPES,
  SPC_RULES,
  type TSpcChartType,
  type TSpcRule,
} from '@ingot/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import styles from './spc.module.css';
import { chartTypeKey, ruleKey } from './spc-format.ts';

/** A new chart: plant, type, characteristic (and element), optional plan, subgrouping and rules. */
export function SpcChartForm({ onDone, onCancel }: { onDone: (id: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const plants = useQuery(trpc.plant.list.queryOptions());
  const plans = useQuery(trpc.inspectionPlan.list.queryOptions({ includeInactive: false }));
  const [plantId, setPlantId] = useState('');
  const [name, setName] = useState('');
  const [chartType, setChartType] = useState<TSpcChartType>('xbar_r');
  const [characteristic, setCharacteristic] = useState<(typeof CHARACTERISTIC_CODES)[number]>('thickness');
  const [element, setElement] = useState('');
  const [planId, setPlanId] = useState('');
  const [subgroupSize, setSubgroupSize] = useState(0);
  const [rules, setRules] = useState<TSpcRule[]>(['WE1', 'WE2', 'WE3', 'WE4']);
  const create = useMutation(trpc.spc.create.mutationOptions({ onSuccess: (chart) => onDone(chart.id) }));
  const error = create.error ? apiError(create.error) : null;
  const sizeOptions =
    chartType === 'i_mr'
      ? [1]
      : chartType === 'xbar_r' || chartType === 'xbar_s'
        ? [0, 2, 3, 4, 5, 6, 8, 10]
        : [0, 1, 5, 10, 25, 50];

  return (
    <form
      className="card card-pad"
      data-testid="spc-chart-form"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({
          plantId: plantId || (plants.data?.[0]?.id ?? ''),
          name,
          chartType,
          characteristic,
          element,
          planId: planId || null,
          subgroupSize,
          rules,
        });
      }}
    >
      <div className={styles.form}>
        <label>
          {t('spc.name')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={120}
            data-testid="spc-name"
          />
          {error?.fieldErrors.name ? <span className="field-error">{error.fieldErrors.name}</span> : null}
        </label>
        <label>
          {t('spc.plant')}
          <select value={plantId} onChange={(e) => setPlantId(e.target.value)} data-testid="spc-plant">
            {(plants.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('spc.chartType')}
          <select
            value={chartType}
            onChange={(e) => {
              const next = e.target.value as TSpcChartType;
              setChartType(next);
              setSubgroupSize(next === 'i_mr' ? 1 : 0);
            }}
            data-testid="spc-type"
          >
            {SPC_CHART_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(chartTypeKey(type))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('spc.characteristic')}
          <select
            value={characteristic}
            onChange={(e) => setCharacteristic(e.target.value as (typeof CHARACTERISTIC_CODES)[number])}
            data-testid="spc-characteristic"
          >
            {CHARACTERISTIC_CODES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('spc.element')}
          <input
            value={element}
            onChange={(e) => setElement(e.target.value)}
            maxLength={32}
            data-testid="spc-element"
          />
        </label>
        <label>
          {t('spc.plan')}
          <select value={planId} onChange={(e) => setPlanId(e.target.value)} data-testid="spc-plan">
            <option value="">{t('spc.anyPlan')}</option>
            {(plans.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('spc.subgroupSize')}
          <select
            value={subgroupSize}
            onChange={(e) => setSubgroupSize(Number(e.target.value))}
            data-testid="spc-subgroup"
          >
            {sizeOptions.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? t('spc.subgroupPerRequest') : t('spc.subgroupOf', { n })}
              </option>
            ))}
          </select>
          {error?.fieldErrors.subgroupSize ? (
            <span className="field-error">{error.fieldErrors.subgroupSize}</span>
          ) : null}
        </label>
        <fieldset className={styles.rules}>
          <legend>{t('spc.rules')}</legend>
          {SPC_RULES.map((rule) => (
            <label key={rule} title={t(ruleKey(rule))}>
              <input
                type="checkbox"
                checked={rules.includes(rule)}
                onChange={(e) =>
                  setRules(e.target.checked ? [...rules, rule] : rules.filter((r) => r !== rule))
                }
              />
              {rule}
            </label>
          ))}
        </fieldset>
      </div>
      {error && (error.formError || Object.keys(error.fieldErrors).length > 0) ? (
        <p className="notice notice--error" data-testid="spc-form-error">
          {error.formError ?? Object.values(error.fieldErrors).join('; ')}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="spc-save">
          {t('spc.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('spc.cancel')}
        </button>
      </div>
    </form>
  );
}
