'use client';

import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { TMessageKey } from '../../i18n/messages.ts';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatKpi, KPI_LABEL_KEYS, kpiDelta } from './kpi.ts';

/** Plan versions side by side: each KPI per version with its difference to the first, better in green. */
export function PlanCompare({ planVersionIds }: { planVersionIds: string[] }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const compare = useQuery(trpc.plan.compare.queryOptions({ planVersionIds }));
  if (compare.error) return <p className="notice notice--error">{apiError(compare.error).formError}</p>;
  const c = compare.data;
  if (!c) return <p aria-live="polite">{t('common.loading')}</p>;
  return (
    <div className="card card-pad" style={{ marginTop: 12 }} data-testid="plan-compare">
      <h3 style={{ marginTop: 0 }}>{t('planning.compareTitle')}</h3>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              {c.versions.map((v, i) => (
                <th key={v.id} scope="col" className="num">
                  {t('planning.version', { n: v.version })}
                  {i === 0 ? ` (${t('planning.base')})` : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.kpis.map((k) => (
              <tr key={k.key}>
                <th scope="row">
                  {t((KPI_LABEL_KEYS as Record<string, TMessageKey>)[k.key] ?? 'prod.none')}
                </th>
                {k.values.map((v, i) => {
                  const d = i === 0 ? null : kpiDelta(k.key, k.deltas[i] ?? null, k.better, locale);
                  return (
                    <td key={c.versions[i]?.id ?? i} className="num">
                      {formatKpi(k.key, v, locale)}
                      {d?.text ? <div className={d.tone === 'same' ? 'muted' : d.tone}>{d.text}</div> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {c.moved.map((m) => {
        const v = c.versions.find((x) => x.id === m.versionId);
        return (
          <p key={m.versionId} className="muted">
            {t('planning.version', { n: v?.version ?? '?' })}:{' '}
            {t('planning.moved', { operations: m.operations, machines: m.changedEquipment })}
          </p>
        );
      })}
    </div>
  );
}
