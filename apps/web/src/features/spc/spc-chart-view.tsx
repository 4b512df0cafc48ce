'use client';

import { ControlChart, type TControlChartLabels } from '@ingot/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatDateTime, formatNumber } from '../orders/format.ts';
import { useAccess } from '../use-access.ts';
import styles from './spc.module.css';
import { SpcChartSettings } from './spc-chart-settings.tsx';
import { chartTypeKey, digitsFor, phaseKey, ruleKey, seriesKey } from './spc-format.ts';
import { useWidth } from './use-width.ts';

const CONFIDENCES = [0.9, 0.95, 0.99] as const;

/**
 * One chart: its control charts (X̄ and R, X̄ and S, I and MR, or the attribute chart) with centre line, limits and
 * rule violations; phase I exclusions, compute / freeze / reopen; and the capability panel with intervals.
 */
export function SpcChartView({ chartId }: { chartId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const queryClient = useQueryClient();
  const canManage = useAccess().can('quality.manage');
  const [confidence, setConfidence] = useState<(typeof CONFIDENCES)[number]>(0.95);
  const data = useQuery(trpc.spc.data.queryOptions({ id: chartId, confidence }));
  const [excludedDraft, setExcludedDraft] = useState<string[] | null>(null);
  const [editing, setEditing] = useState(false);
  const refresh = () => {
    setExcludedDraft(null);
    void queryClient.invalidateQueries({ queryKey: trpc.spc.pathKey() });
  };
  const compute = useMutation(trpc.spc.computeLimits.mutationOptions({ onSuccess: refresh }));
  const freeze = useMutation(trpc.spc.freeze.mutationOptions({ onSuccess: refresh }));
  const reopen = useMutation(trpc.spc.reopen.mutationOptions({ onSuccess: refresh }));
  const [boxRef, width] = useWidth<HTMLDivElement>();
  const failed = compute.error ?? freeze.error ?? reopen.error;

  if (data.error) return <p className="notice notice--error">{apiError(data.error).formError}</p>;
  if (!data.data) return <p aria-live="polite">{t('common.loading')}</p>;
  const { chart, limits, trial, subgroups, series, capability, spec } = data.data;
  const spread = limits ? Math.abs(limits.ucl - limits.lcl) : 0;
  const digits = digitsFor(spread / 6);
  const fmt = (v: number) => formatNumber(v, locale, digits);
  const excluded = excludedDraft ?? subgroups.filter((s) => s.excluded).map((s) => s.key);
  const phaseTwoStart = subgroups.findIndex((s) => s.phase === 'II');
  const labelsFor = (kind: string): TControlChartLabels => ({
    chart: t(seriesKey(kind)),
    center: t('spc.center'),
    ucl: t('spc.ucl'),
    lcl: t('spc.lcl'),
    phaseTwo: t('spc.phaseTwoStart'),
    noData: t('spc.noData'),
    ruleName: (rule) => t(ruleKey(rule)),
    point: (n, value, label, rules) =>
      t('spc.point', { n, value }) +
      (label ? t('spc.pointRequest', { label }) : '') +
      (rules.length > 0 ? t('spc.pointRules', { rules: rules.join('; ') }) : ''),
  });
  const busy = compute.isPending || freeze.isPending || reopen.isPending;

  return (
    <div className={styles.layout}>
      <p>
        <Link href="/quality/spc">← {t('spc.back')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{chart.name}</h1>
          <p>
            {t(chartTypeKey(chart.chartType))} · <span className="mono">{chart.characteristic}</span>
            {chart.element ? ` · ${chart.element}` : ''} ·{' '}
            {chart.subgroupSize === 0
              ? t('spc.subgroupPerRequest')
              : t('spc.subgroupOf', { n: chart.subgroupSize })}{' '}
            · <span className="mono">{chart.rules.join(' ')}</span>
          </p>
          <p>
            <span className={chart.phase === 'II' ? 'badge badge--ok' : 'badge'} data-testid="spc-phase">
              {t(phaseKey(chart.phase))}
            </span>{' '}
            {chart.limitsFrozenAt
              ? t('spc.frozenAt', { at: formatDateTime(chart.limitsFrozenAt, locale) })
              : null}
          </p>
        </div>
        {canManage ? (
          <div className={styles.actions}>
            <button
              type="button"
              className="btn"
              disabled={editing}
              onClick={() => setEditing(true)}
              data-testid="spc-edit"
            >
              {t('spc.edit')}
            </button>
            {chart.phase === 'I' ? (
              <>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={() => compute.mutate({ id: chart.id, excludedKeys: excluded, revise: false })}
                  data-testid="spc-compute"
                >
                  {t('spc.computeLimits')}
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() => compute.mutate({ id: chart.id, excludedKeys: excluded, revise: true })}
                  data-testid="spc-revise"
                >
                  {t('spc.reviseLimits')}
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={busy || trial || !limits}
                  onClick={() => {
                    if (window.confirm(t('spc.confirmFreeze'))) freeze.mutate({ id: chart.id });
                  }}
                  data-testid="spc-freeze"
                >
                  {t('spc.freeze')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => reopen.mutate({ id: chart.id })}
                data-testid="spc-reopen"
              >
                {t('spc.reopen')}
              </button>
            )}
          </div>
        ) : null}
      </div>
      {editing ? (
        <SpcChartSettings
          chart={chart}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            refresh();
          }}
        />
      ) : null}
      {failed ? (
        <p className="notice notice--error">
          {apiError(failed).formError ?? Object.values(apiError(failed).fieldErrors).join('; ')}
        </p>
      ) : null}
      {trial ? (
        <p className="notice" data-testid="spc-trial">
          {t('spc.trialLimits')}
        </p>
      ) : null}
      {!limits ? <p className="notice">{t('spc.noLimits')}</p> : null}
      {limits ? (
        <div className={`card card-pad ${styles.limits}`} data-testid="spc-limits">
          <span>
            {t('spc.center')} <strong>{fmt(limits.center)}</strong>
          </span>
          <span>
            {t('spc.ucl')} <strong>{fmt(limits.ucl)}</strong>
          </span>
          <span>
            {t('spc.lcl')} <strong>{fmt(limits.lcl)}</strong>
          </span>
          {limits.sigma !== null ? (
            <span>
              {t('spc.sigma')} <strong>{fmt(limits.sigma)}</strong>
            </span>
          ) : null}
          {chart.limits ? (
            <span className="muted">
              {t('spc.baseline', {
                n: chart.limits.baselineCount,
                excluded: chart.limits.excludedKeys.length,
              })}
            </span>
          ) : null}
        </div>
      ) : null}
      <div ref={boxRef} className={styles.chartBox}>
        {series.map((s) => (
          <section key={s.kind} className="card card-pad" data-testid={`spc-series-${s.kind}`}>
            <h2>{t(seriesKey(s.kind))}</h2>
            <ControlChart
              points={s.points.map((p) => ({ ...p, label: subgroups[p.index]?.label }))}
              hits={s.hits}
              labels={labelsFor(s.kind)}
              phaseTwoStart={phaseTwoStart >= 0 ? phaseTwoStart : undefined}
              format={fmt}
              width={Math.max(360, width - 32)}
              height={
                s.kind === 'xbar' ||
                s.kind === 'i' ||
                s.kind === 'p' ||
                s.kind === 'np' ||
                s.kind === 'c' ||
                s.kind === 'u'
                  ? 260
                  : 180
              }
            />
            {s.hits.length === 0 ? <p className="muted">{t('spc.noHits')}</p> : null}
          </section>
        ))}
      </div>
      <section className="card card-pad" data-testid="spc-capability">
        <div className="page-head">
          <h2>{t('spc.capability')}</h2>
          <label>
            {t('spc.confidence')}{' '}
            <select
              value={confidence}
              onChange={(e) => setConfidence(Number(e.target.value) as (typeof CONFIDENCES)[number])}
              data-testid="spc-confidence"
            >
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {Math.round(c * 100)} %
                </option>
              ))}
            </select>
          </label>
        </div>
        {capability && spec ? (
          <>
            <p>
              {t('spc.spec', {
                lsl: spec.lsl === null ? '—' : fmt(spec.lsl),
                usl: spec.usl === null ? '—' : fmt(spec.usl),
              })}{' '}
              · {t('spc.mean')} {fmt(capability.mean)} · {t('spc.sigma')}{' '}
              {capability.sigmaWithin === null ? '—' : fmt(capability.sigmaWithin)} · {t('spc.sigmaOverall')}{' '}
              {fmt(capability.sigmaOverall)} · n = {capability.n}
            </p>
            <table className={`data ${styles.capability}`}>
              <thead>
                <tr>
                  <th scope="col">{t('spc.index')}</th>
                  <th scope="col">{t('spc.estimate')}</th>
                  <th scope="col">
                    {t('spc.interval', { confidence: `${Math.round(confidence * 100)} %` })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['Cp', capability.cp],
                    ['Cpk', capability.cpk],
                    ['Pp', capability.pp],
                    ['Ppk', capability.ppk],
                  ] as const
                ).map(([name, idx]) => (
                  <tr key={name} data-testid={`spc-cap-${name.toLowerCase()}`}>
                    <th scope="row">{name}</th>
                    <td>{idx ? formatNumber(idx.value, locale, 3) : '—'}</td>
                    <td>
                      {idx
                        ? `${formatNumber(idx.interval.lower, locale, 3)} – ${formatNumber(idx.interval.upper, locale, 3)}`
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">{t('spc.capabilityNote')}</p>
          </>
        ) : (
          <p className="muted">{t('spc.noCapability')}</p>
        )}
      </section>
      <section className="card">
        <h2 className="card-pad">{t('spc.subgroups')}</h2>
        {chart.phase === 'I' && canManage ? <p className="card-pad muted">{t('spc.excludeHint')}</p> : null}
        <div className="table-wrap">
          <table className="data" data-testid="spc-subgroups">
            <thead>
              <tr>
                <th scope="col">{t('spc.subgroup')}</th>
                <th scope="col">{t('spc.request')}</th>
                <th scope="col">{t('spc.enteredAt')}</th>
                <th scope="col">{t('spc.n')}</th>
                <th scope="col">{t('spc.phase')}</th>
                <th scope="col">{t('spc.excluded')}</th>
                <th scope="col">{t('spc.hits')}</th>
              </tr>
            </thead>
            <tbody>
              {subgroups.map((g) => {
                const rules = series.flatMap((s) =>
                  s.hits.filter((h) => h.indices.includes(g.index)).map((h) => `${h.rule}`),
                );
                return (
                  <tr
                    key={g.key}
                    className={rules.length > 0 ? styles.hitRow : undefined}
                    data-testid="spc-subgroup-row"
                  >
                    <td>{g.index + 1}</td>
                    <td className="mono">{g.label}</td>
                    <td>{formatDateTime(g.at, locale)}</td>
                    <td>{g.n}</td>
                    <td>{g.phase}</td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${t('spc.excluded')} ${g.index + 1}`}
                        checked={excluded.includes(g.key)}
                        disabled={!canManage || chart.phase === 'II' || g.phase === 'II'}
                        onChange={(e) =>
                          setExcludedDraft(
                            e.target.checked ? [...excluded, g.key] : excluded.filter((k) => k !== g.key),
                          )
                        }
                      />
                    </td>
                    <td className="mono">{[...new Set(rules)].join(' ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="card-pad muted">{t('spc.count', { n: subgroups.length })}</p>
      </section>
    </div>
  );
}
