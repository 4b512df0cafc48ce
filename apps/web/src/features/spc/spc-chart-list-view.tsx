'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatDateTime } from '../orders/format.ts';
import { useAccess } from '../use-access.ts';
import styles from './spc.module.css';
import { SpcChartForm } from './spc-chart-form.tsx';
import { chartTypeKey, phaseKey } from './spc-format.ts';

/** The create form; a new chart opens its page (the router is only needed here). */
function CreateChart({ onCancel }: { onCancel: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  return (
    <SpcChartForm
      onCancel={onCancel}
      onDone={(id) => {
        void queryClient.invalidateQueries({ queryKey: trpc.spc.list.pathKey() });
        router.push(`/quality/spc/${id}`);
      }}
    />
  );
}

/** The SPC charts of the member's plants; quality engineers create new ones. */
export function SpcChartListView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const canManage = useAccess().can('quality.manage');
  const charts = useQuery(trpc.spc.list.queryOptions({}));
  const plants = useQuery(trpc.plant.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const plantLabel = (id: string) => {
    const p = plants.data?.find((x) => x.id === id);
    return p ? `${p.code} · ${p.name}` : '—';
  };

  return (
    <div className={styles.layout}>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('spc.title')}</h1>
          <p>{t('spc.subtitle')}</p>
        </div>
        {canManage && !creating ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setCreating(true)}
            data-testid="spc-new"
          >
            {t('spc.create')}
          </button>
        ) : null}
      </div>
      {creating ? <CreateChart onCancel={() => setCreating(false)} /> : null}
      {charts.error ? <p className="notice notice--error">{apiError(charts.error).formError}</p> : null}
      {charts.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {charts.data?.length === 0 ? <p className="notice">{t('spc.empty')}</p> : null}
      {charts.data && charts.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="spc-table">
            <thead>
              <tr>
                <th scope="col">{t('spc.name')}</th>
                <th scope="col">{t('spc.chartType')}</th>
                <th scope="col">{t('spc.characteristic')}</th>
                <th scope="col">{t('spc.subgroupSize')}</th>
                <th scope="col">{t('spc.rules')}</th>
                <th scope="col">{t('spc.phase')}</th>
              </tr>
            </thead>
            <tbody>
              {charts.data.map((c) => (
                <tr key={c.id} data-testid="spc-row" data-chart-id={c.id}>
                  <td>
                    <Link href={`/quality/spc/${c.id}`}>{c.name}</Link>
                    <div className="muted">{plantLabel(c.plantId)}</div>
                  </td>
                  <td>{t(chartTypeKey(c.chartType))}</td>
                  <td className="mono">
                    {c.characteristic}
                    {c.element ? ` · ${c.element}` : ''}
                  </td>
                  <td>
                    {c.subgroupSize === 0
                      ? t('spc.subgroupPerRequest')
                      : t('spc.subgroupOf', { n: c.subgroupSize })}
                  </td>
                  <td className="mono">{c.rules.join(' ')}</td>
                  <td>
                    <span className={c.phase === 'II' ? 'badge badge--ok' : 'badge'}>
                      {t(phaseKey(c.phase))}
                    </span>
                    {c.limitsFrozenAt ? (
                      <div className="muted">
                        {t('spc.frozenAt', { at: formatDateTime(c.limitsFrozenAt, locale) })}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
