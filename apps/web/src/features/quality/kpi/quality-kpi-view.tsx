'use client';

import { PRODUCT_FAMILIES, type TKpiPeriod, type TProductFamily } from '@ingot/contracts';
import { BarChart, ParetoChart } from '@ingot/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../../components/field.tsx';
import { useI18n } from '../../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../../trpc/react.tsx';
import { useApiError } from '../../../trpc/use-api-error.ts';
import { CoilQualityPanel } from './coil-quality-panel.tsx';
import { dayOf, dayStart, defectLabel, formatShare } from './kpi-format.ts';
import styles from './quality-kpi.module.css';

const DAY = 86_400_000;
type TDimension = 'byType' | 'byEquipment' | 'byShift';
const DIMENSIONS: readonly TDimension[] = ['byType', 'byEquipment', 'byShift'];

/** Quality KPIs: first-pass yield trend, defect Pareto, nonconformance ageing, and per-coil in-process quality. */
export function QualityKpiView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const plants = useQuery(trpc.plant.list.queryOptions());
  const [plantId, setPlantId] = useState('');
  const [fromDay, setFromDay] = useState(() => dayOf(new Date(Date.now() - 84 * DAY)));
  const [toDay, setToDay] = useState(() => dayOf(new Date()));
  const [period, setPeriod] = useState<TKpiPeriod>('week');
  const [family, setFamily] = useState<TProductFamily | ''>('');
  const [dimension, setDimension] = useState<TDimension>('byType');

  const from = dayStart(fromDay);
  const to = new Date(dayStart(toDay).getTime() + DAY);
  const kpis = useQuery({
    ...trpc.qualityKpi.kpis.queryOptions({
      ...(plantId ? { plantId } : {}),
      from,
      to,
      period,
      ...(family ? { productFamily: family } : {}),
    }),
    enabled: to > from,
    placeholderData: keepPreviousData,
  });
  const k = kpis.data;
  const paretoKey = (key: string | null) =>
    dimension === 'byType' ? defectLabel(t, key) : (key ?? t('qualityKpi.unknown'));
  const coilPlant = plantId || plants.data?.[0]?.id || '';
  // First-pass yield of each product family over the whole range (the rows are per plant and period).
  const families = new Map<string, { evaluated: number; firstPass: number }>();
  for (const r of k?.fpy.rows ?? []) {
    const f = families.get(r.productFamily) ?? { evaluated: 0, firstPass: 0 };
    f.evaluated += r.evaluated;
    f.firstPass += r.firstPass;
    families.set(r.productFamily, f);
  }
  const byFamily = [...families].map(([family, f]) => ({ family, ...f }));
  const familyLabel = (f: string) =>
    (PRODUCT_FAMILIES as readonly string[]).includes(f)
      ? t(`productFamily.${f as TProductFamily}`)
      : t('qualityKpi.unknown');

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('qualityKpi.title')}</h1>
          <p>{t('qualityKpi.subtitle')}</p>
        </div>
      </div>
      <div className={`card card-pad ${styles.controls}`}>
        <Field label={t('qualityKpi.plant')}>
          <select value={plantId} onChange={(e) => setPlantId(e.target.value)} data-testid="kpi-plant">
            <option value="">{t('qualityKpi.allPlants')}</option>
            {plants.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('qualityKpi.from')}>
          <input
            type="date"
            value={fromDay}
            onChange={(e) => setFromDay(e.target.value)}
            data-testid="kpi-from"
          />
        </Field>
        <Field label={t('qualityKpi.to')}>
          <input type="date" value={toDay} onChange={(e) => setToDay(e.target.value)} data-testid="kpi-to" />
        </Field>
        <Field label={t('qualityKpi.period')}>
          <select
            value={period}
            onChange={(e) => setPeriod(e.target.value as TKpiPeriod)}
            data-testid="kpi-period"
          >
            {(['day', 'week', 'month'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`qualityKpi.period.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('qualityKpi.family')}>
          <select
            value={family}
            onChange={(e) => setFamily(e.target.value as TProductFamily | '')}
            data-testid="kpi-family"
          >
            <option value="">{t('qualityKpi.allFamilies')}</option>
            {PRODUCT_FAMILIES.map((f) => (
              <option key={f} value={f}>
                {t(`productFamily.${f}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {kpis.error ? (
        <p className="notice notice--error" role="alert">
          {apiError(kpis.error).formError}
        </p>
      ) : null}

      <div className={styles.grid}>
        <section className={`card card-pad ${styles.section}`} data-testid="kpi-fpy">
          <h2>{t('qualityKpi.fpy.title')}</h2>
          <p className={styles.help}>{t('qualityKpi.fpy.help')}</p>
          <BarChart
            series={[{ key: 'fpy', label: t('qualityKpi.fpy.title'), color: '#2b8a3e' }]}
            data={(k?.fpy.byPeriod ?? []).map((p) => ({
              key: p.period,
              label: p.period,
              values: { fpy: p.fpy },
            }))}
            max={1}
            formatValue={(v) => formatShare(v)}
            labels={{ chart: t('qualityKpi.fpy.chart'), noData: t('qualityKpi.noData') }}
          />
          {k ? (
            <p data-testid="kpi-fpy-total">
              {t('qualityKpi.fpy.total', {
                firstPass: k.fpy.total.firstPass,
                evaluated: k.fpy.total.evaluated,
                fpy: formatShare(k.fpy.total.fpy),
              })}
            </p>
          ) : null}
          {k && k.fpy.byPeriod.length > 0 ? (
            <table className={styles.table}>
              <thead>
                <tr>
                  <th>{t('qualityKpi.fpy.period')}</th>
                  <th>{t('qualityKpi.fpy.evaluated')}</th>
                  <th>{t('qualityKpi.fpy.firstPass')}</th>
                  <th>FPY</th>
                </tr>
              </thead>
              <tbody>
                {k.fpy.byPeriod.map((p) => (
                  <tr key={p.period}>
                    <td>{p.period}</td>
                    <td>{p.evaluated}</td>
                    <td>{p.firstPass}</td>
                    <td>{formatShare(p.fpy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {byFamily.length > 1 ? (
            <table className={styles.table} data-testid="kpi-fpy-families">
              <thead>
                <tr>
                  <th>{t('qualityKpi.family')}</th>
                  <th>{t('qualityKpi.fpy.evaluated')}</th>
                  <th>{t('qualityKpi.fpy.firstPass')}</th>
                  <th>FPY</th>
                </tr>
              </thead>
              <tbody>
                {byFamily.map((f) => (
                  <tr key={f.family}>
                    <td>{familyLabel(f.family)}</td>
                    <td>{f.evaluated}</td>
                    <td>{f.firstPass}</td>
                    <td>{formatShare(f.firstPass / f.evaluated)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>

        <section className={`card card-pad ${styles.section}`} data-testid="kpi-pareto">
          <h2>{t('qualityKpi.pareto.title')}</h2>
          <fieldset className={styles.toggles}>
            <legend className="visually-hidden">{t('qualityKpi.pareto.title')}</legend>
            {DIMENSIONS.map((d) => (
              <button
                key={d}
                type="button"
                className={`btn btn-sm ${dimension === d ? 'btn-primary' : ''}`}
                aria-pressed={dimension === d}
                onClick={() => setDimension(d)}
                data-testid={`kpi-pareto-${d}`}
              >
                {t(`qualityKpi.pareto.${d}`)}
              </button>
            ))}
          </fieldset>
          <ParetoChart
            bars={(k?.pareto[dimension] ?? []).map((b) => ({
              key: b.key ?? '',
              label: paretoKey(b.key),
              count: b.count,
              cumulativeShare: b.cumulativeShare,
            }))}
            labels={{
              chart: t('qualityKpi.pareto.chart', { dimension: t(`qualityKpi.pareto.${dimension}`) }),
              noData: t('qualityKpi.noData'),
              count: t('qualityKpi.pareto.count'),
              cumulative: t('qualityKpi.pareto.cumulative'),
            }}
          />
          {k ? <p>{t('qualityKpi.pareto.total', { total: k.pareto.total })}</p> : null}
          {dimension === 'byShift' ? <p className={styles.help}>{t('qualityKpi.pareto.shiftHelp')}</p> : null}
        </section>

        <section className={`card card-pad ${styles.section}`} data-testid="kpi-ageing">
          <h2>{t('qualityKpi.ageing.title')}</h2>
          <BarChart
            series={[
              { key: 'open', label: t('qualityKpi.ageing.open'), color: '#e8590c' },
              { key: 'dispositioned', label: t('qualityKpi.ageing.dispositioned'), color: '#1f6feb' },
            ]}
            data={(['lt7d', '7to30d', 'gt30d'] as const).map((bucket) => ({
              key: bucket,
              label: t(`qualityKpi.ageing.${bucket}`),
              values: Object.fromEntries(
                (k?.ageing.rows ?? []).filter((r) => r.bucket === bucket).map((r) => [r.status, r.count]),
              ),
            }))}
            formatValue={(v) => String(Math.round(v * 10) / 10)}
            labels={{ chart: t('qualityKpi.ageing.chart'), noData: t('qualityKpi.noData') }}
          />
          {k ? (
            <p data-testid="kpi-ageing-total">{t('qualityKpi.ageing.total', { total: k.ageing.total })}</p>
          ) : null}
        </section>
      </div>

      {coilPlant ? <CoilQualityPanel plantId={coilPlant} /> : null}
    </>
  );
}
