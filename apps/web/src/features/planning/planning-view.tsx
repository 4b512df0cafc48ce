'use client';

import { GanttChart, type TGanttMove } from '@ingot/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { TMessageKey } from '../../i18n/messages.ts';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatDate, formatDateTime, formatDuration } from '../orders/format.ts';
import { StatusChip } from '../orders/status-chips.tsx';
import { useAccess } from '../use-access.ts';
import '../orders/production.css';
import { EquipmentDowntimeForm } from './equipment-downtime-form.tsx';
import { formatKpi, KPI_LABEL_KEYS, type TKpiKey } from './kpi.ts';
import { PlanCompare } from './plan-compare.tsx';
import { planToGantt } from './to-gantt.ts';
import { useGanttLabels } from './use-gantt-labels.ts';

const KPI_CARDS: TKpiKey[] = [
  'makespanMin',
  'weightedTardinessMin',
  'setupHours',
  'utilisation',
  'lateOrders',
];

/**
 * The planning board of one plant: plan versions (run, compare by KPIs, publish), the Gantt by machine of the
 * version in view (drag or keyboard to move, L to lock; each edit is a new draft version), late orders explained.
 * `?plant=&version=&order=` keep the view in the URL (the order page links here with its order highlighted).
 */
export function PlanningView(props: { plantId: string; versionId: string; orderId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const access = useAccess();
  const apiError = useApiError();
  const labels = useGanttLabels();
  const [selected, setSelected] = useState<string | null>(null);
  const [compareIds, setCompareIds] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [onlyOrder, setOnlyOrder] = useState(false);

  const plants = useQuery(trpc.plant.list.queryOptions());
  const plantId = props.plantId || (plants.data?.length === 1 ? (plants.data[0]?.id ?? '') : '');
  const plant = plants.data?.find((p) => p.id === plantId);
  const versions = useQuery({
    ...trpc.plan.list.queryOptions({ plantId, limit: 20 }),
    enabled: Boolean(plantId),
  });
  const current = versions.data?.find((v) => v.status === 'published');
  const viewId = props.versionId || current?.id || versions.data?.[0]?.id || '';
  const [watching, setWatching] = useState(false);
  const status = useQuery({
    ...trpc.plan.status.queryOptions({ plantId }),
    enabled: Boolean(plantId),
    refetchInterval: (q) => (watching || (q.state.data && q.state.data.state !== 'idle') ? 2_000 : 30_000),
  });
  const lastRunId = status.data?.lastRun?.planVersionId ?? null;
  const seenRun = useRef<string | null>(null);
  useEffect(() => {
    // A run finished: show its version in the list (and stop polling fast).
    if (!lastRunId || seenRun.current === lastRunId) return;
    const first = seenRun.current === null;
    seenRun.current = lastRunId;
    if (first) return;
    setWatching(false);
    void queryClient.invalidateQueries({ queryKey: trpc.plan.pathKey() });
  }, [lastRunId, queryClient, trpc]);
  const plan = useQuery({
    ...trpc.plan.get.queryOptions({ planVersionId: viewId }),
    enabled: Boolean(viewId),
  });
  const workOrders = useQuery({
    ...trpc.workOrder.list.queryOptions({
      plantId,
      status: ['created', 'released', 'in_progress'],
      limit: 500,
    }),
    enabled: Boolean(plantId) && access.can('workOrder.read'),
  });
  const eligible = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const w of workOrders.data?.items ?? [])
      for (const op of w.operations)
        map.set(
          op.id,
          op.eligibleEquipment.map((e) => e.equipmentId),
        );
    return map;
  }, [workOrders.data]);

  const go = (next: { plant?: string; version?: string; order?: string }) => {
    const q = new URLSearchParams();
    const p = next.plant ?? plantId;
    const v = next.version ?? props.versionId;
    const o = next.order ?? props.orderId;
    if (p) q.set('plant', p);
    if (v) q.set('version', v);
    if (o) q.set('order', o);
    router.replace(`/planning${q.size ? `?${q}` : ''}`);
  };
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.plan.pathKey() });
  };

  const run = useMutation(
    trpc.plan.run.mutationOptions({
      onSuccess: async () => {
        setNotice(t('planning.runStarted'));
        setWatching(true);
        await refresh();
      },
    }),
  );
  const publish = useMutation(
    trpc.plan.publish.mutationOptions({
      onSuccess: async (r) => {
        setNotice(t('planning.publishedAt', { time: formatDateTime(new Date(), locale) }));
        await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: trpc.order.pathKey() })]);
        go({ version: r.planVersionId });
      },
    }),
  );
  const move = useMutation(
    trpc.plan.moveOperation.mutationOptions({
      onSuccess: async (r) => {
        setNotice(t('planning.moveSaved'));
        await refresh();
        go({ version: r.planVersionId });
      },
    }),
  );
  const lock = useMutation(
    trpc.plan.lockOperation.mutationOptions({
      onSuccess: async (r) => {
        setNotice(t('planning.lockSaved'));
        await refresh();
        go({ version: r.planVersionId });
      },
    }),
  );
  const editError = apiError(move.error ?? lock.error);
  const runError = apiError(run.error);
  const canEdit = access.can('plan.edit');
  const p = plan.data;

  const gantt = useMemo(
    () =>
      p
        ? planToGantt(p, {
            eligible,
            highlightOrderId: props.orderId || null,
            onlyOrderId: onlyOrder ? props.orderId : null,
            classLabel: (c) => t(`equipmentClass.${c}` as TMessageKey),
          })
        : { rows: [], items: [] },
    [p, eligible, props.orderId, onlyOrder, t],
  );
  const selectedOp = p?.assignments.find((a) => a.operationId === selected) ?? null;

  const onMove = (m: TGanttMove) => {
    if (!p) return;
    move.mutate({
      planVersionId: p.id,
      operationId: m.itemId,
      equipmentId: m.rowId,
      start: new Date(m.start),
      lock: true,
    });
  };
  const onToggleLock = (operationId: string, locked: boolean) => {
    if (!p) return;
    lock.mutate({ planVersionId: p.id, operationId, locked });
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('planning.title')}</h1>
          <p>{t('planning.subtitle')}</p>
        </div>
        {access.can('plan.run') && plantId && status.data !== null ? (
          <form
            className="actions"
            style={{ alignItems: 'end' }}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const raw = String(new FormData(e.currentTarget).get('timeLimit') ?? '').trim();
              run.mutate({ plantId, ...(raw ? { timeLimitSeconds: Number(raw) } : {}) });
            }}
          >
            <Field label={t('planning.timeLimit')} error={runError.fieldErrors.timeLimitSeconds}>
              <input
                name="timeLimit"
                type="number"
                min={1}
                max={300}
                step={1}
                style={{ width: 110 }}
                data-testid="plan-time-limit"
              />
            </Field>
            <button type="submit" className="btn btn-primary" disabled={run.isPending} data-testid="plan-run">
              {run.isPending ? t('planning.running') : t('planning.run')}
            </button>
          </form>
        ) : null}
      </div>

      <div className="filters">
        <Field label={t('prod.plant')}>
          <select
            value={plantId}
            onChange={(e) => go({ plant: e.target.value, version: '' })}
            data-testid="plan-plant"
          >
            <option value="">{t('prod.choosePlant')}</option>
            {plants.data?.map((pl) => (
              <option key={pl.id} value={pl.id}>
                {pl.code} · {pl.name}
              </option>
            ))}
          </select>
        </Field>
        {props.orderId ? (
          <div className="field">
            <label>
              <input type="checkbox" checked={onlyOrder} onChange={(e) => setOnlyOrder(e.target.checked)} />{' '}
              {t('planning.orderFilter')}
            </label>
          </div>
        ) : null}
      </div>

      {!access.loading && !canEdit ? <p className="notice">{t('planning.readOnly')}</p> : null}
      {plantId && status.isFetched && status.data === null ? (
        <p className="notice" data-testid="plan-unavailable">
          {t('planning.unavailable')}
        </p>
      ) : null}
      {status.data ? (
        <p className="muted" data-testid="plan-run-status" data-state={status.data.state}>
          {t('planning.statusLabel')}: {t(`planning.status.${status.data.state}`)}
          {status.data.lastError ? <span className="badge badge--error">{status.data.lastError}</span> : null}
        </p>
      ) : null}
      <FormError message={runError.formError ?? apiError(publish.error).formError} />
      {notice ? (
        <output className="notice notice--ok" style={{ display: 'block' }} data-testid="plan-notice">
          {notice}
        </output>
      ) : null}
      {versions.error ? <p className="notice notice--error">{apiError(versions.error).formError}</p> : null}
      {versions.data && versions.data.length === 0 ? <p className="notice">{t('planning.noPlan')}</p> : null}

      {versions.data && versions.data.length > 0 ? (
        <section className="section" aria-labelledby="versions-title">
          <h2 id="versions-title">{t('planning.versions')}</h2>
          <p className="muted">{t('planning.compareHint')}</p>
          <div className="table-wrap card">
            <table className="data" data-testid="plan-versions">
              <thead>
                <tr>
                  <th scope="col">{t('planning.compare')}</th>
                  <th scope="col">{t('planning.version', { n: '' }).trim()}</th>
                  <th scope="col">{t('prod.status')}</th>
                  <th scope="col">{t('planning.trigger')}</th>
                  <th scope="col">{t('planning.createdAt')}</th>
                  {KPI_CARDS.map((k) => (
                    <th key={k} scope="col" className="num">
                      {t(KPI_LABEL_KEYS[k])}
                    </th>
                  ))}
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.data.map((v) => {
                  const kpis = v.kpis as Partial<Record<TKpiKey, number>>;
                  return (
                    <tr
                      key={v.id}
                      aria-current={v.id === viewId ? 'true' : undefined}
                      data-testid={`plan-version-${v.version}`}
                    >
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('planning.version', { n: v.version })}
                          checked={compareIds.includes(v.id)}
                          onChange={(e) =>
                            setCompareIds((ids) =>
                              e.target.checked ? [...ids, v.id].slice(-6) : ids.filter((x) => x !== v.id),
                            )
                          }
                        />
                      </td>
                      <td>
                        {t('planning.version', { n: v.version })}
                        {v.id === viewId ? <span className="badge">{t('planning.viewing')}</span> : null}
                      </td>
                      <td>
                        <StatusChip kind="planStatus" status={v.status} />
                      </td>
                      <td>{t(`planTrigger.${v.trigger}` as TMessageKey) ?? v.trigger}</td>
                      <td>{formatDateTime(v.createdAt, locale, plant?.timezone)}</td>
                      {KPI_CARDS.map((k) => (
                        <td key={k} className="num">
                          {formatKpi(k, kpis[k], locale)}
                        </td>
                      ))}
                      <td>
                        <div className="actions">
                          {v.id !== viewId ? (
                            <button
                              type="button"
                              className="btn btn-sm"
                              onClick={() => go({ version: v.id })}
                            >
                              {t('planning.view')}
                            </button>
                          ) : null}
                          {v.status === 'draft' && access.can('plan.publish') ? (
                            <button
                              type="button"
                              className="btn btn-sm btn-primary"
                              onClick={() => publish.mutate({ planVersionId: v.id })}
                              disabled={publish.isPending}
                              data-testid={`plan-publish-${v.version}`}
                            >
                              {publish.isPending ? t('planning.publishing') : t('planning.publish')}
                            </button>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {compareIds.length >= 2 ? <PlanCompare planVersionIds={compareIds} /> : null}
        </section>
      ) : null}

      {plan.error ? <p className="notice notice--error">{apiError(plan.error).formError}</p> : null}
      {p ? (
        <section className="section" aria-labelledby="gantt-title">
          <div className="page-head">
            <div>
              <h2 id="gantt-title" style={{ margin: 0 }}>
                {t('planning.version', { n: p.version })}{' '}
                <StatusChip kind="planStatus" status={p.status} testId="plan-status" />
              </h2>
              <p>
                {t('planning.frozenUntil', { time: formatDateTime(p.frozenUntil, locale, plant?.timezone) })}
                {p.publishedAt
                  ? ` · ${t('planning.publishedAt', { time: formatDateTime(p.publishedAt, locale, plant?.timezone) })}`
                  : ''}
              </p>
            </div>
            {p.status === 'draft' && access.can('plan.publish') ? (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => publish.mutate({ planVersionId: p.id })}
                disabled={publish.isPending}
                data-testid="plan-publish"
              >
                {publish.isPending ? t('planning.publishing') : t('planning.publish')}
              </button>
            ) : null}
          </div>
          {p.status === 'draft' ? <p className="notice notice--warn">{t('planning.draftNotice')}</p> : null}
          <dl className="kpi-grid" data-testid="plan-kpis">
            {KPI_CARDS.map((k) => (
              <div key={k} className="card kpi">
                <dt>{t(KPI_LABEL_KEYS[k])}</dt>
                <dd>{formatKpi(k, (p.kpis as Partial<Record<TKpiKey, number>>)[k], locale)}</dd>
              </div>
            ))}
          </dl>
          <FormError message={editError.formError ?? Object.values(editError.fieldErrors)[0]} />
          <div style={{ marginTop: 12 }}>
            <GanttChart
              rows={gantt.rows}
              items={gantt.items}
              labels={labels}
              locale={locale}
              timeZone={plant?.timezone}
              editable={canEdit && !move.isPending && !lock.isPending}
              onMove={onMove}
              onToggleLock={onToggleLock}
              selectedId={selected}
              onSelect={setSelected}
              testId="plan-gantt"
            />
          </div>

          <div className="form-grid" style={{ marginTop: 14 }}>
            <div className="card card-pad" aria-live="polite" data-testid="plan-selected">
              <h3 style={{ marginTop: 0 }}>{t('planning.selected')}</h3>
              {selectedOp ? (
                <>
                  <dl className="kv" style={{ padding: 0 }}>
                    <div>
                      <dt>{t('planning.operation')}</dt>
                      <dd>
                        #{selectedOp.seq} {selectedOp.operationCode}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('planning.workOrder')}</dt>
                      <dd className="mono">{selectedOp.workOrderNo}</dd>
                    </div>
                    <div>
                      <dt>{t('planning.order')}</dt>
                      <dd className="mono">{selectedOp.orderNo}</dd>
                    </div>
                    <div>
                      <dt>{t('prod.equipment')}</dt>
                      <dd>{selectedOp.equipmentCode}</dd>
                    </div>
                    <div>
                      <dt>{t('planning.start')}</dt>
                      <dd>{formatDateTime(selectedOp.start, locale, plant?.timezone)}</dd>
                    </div>
                    <div>
                      <dt>{t('planning.end')}</dt>
                      <dd>{formatDateTime(selectedOp.end, locale, plant?.timezone)}</dd>
                    </div>
                    <div>
                      <dt>{t('planning.setup')}</dt>
                      <dd>{formatDuration(selectedOp.setupMinutes, locale)}</dd>
                    </div>
                    <div>
                      <dt>{t('planning.dueDate')}</dt>
                      <dd>{formatDate(selectedOp.dueDate, locale, plant?.timezone)}</dd>
                    </div>
                    <div>
                      <dt>{t('prod.status')}</dt>
                      <dd>
                        <StatusChip kind="operationStatus" status={selectedOp.operationStatus} />
                      </dd>
                    </div>
                  </dl>
                  {canEdit ? (
                    <button
                      type="button"
                      className="btn"
                      onClick={() => onToggleLock(selectedOp.operationId, !selectedOp.locked)}
                      disabled={lock.isPending}
                      data-testid="plan-lock-toggle"
                    >
                      {selectedOp.locked ? t('planning.unlock') : t('planning.lock')}
                    </button>
                  ) : null}
                </>
              ) : (
                <p className="muted">{t('planning.selectHint')}</p>
              )}
            </div>
            <div className="card card-pad" data-testid="plan-late">
              <h3 style={{ marginTop: 0 }}>{t('planning.late')}</h3>
              {p.explanations.length === 0 ? <p className="muted">{t('planning.noLate')}</p> : null}
              <ul className="timeline">
                {p.explanations.map((x) => (
                  <li key={x.workOrderId}>
                    <strong className="mono">
                      {x.orderNo} / {x.workOrderNo}
                    </strong>{' '}
                    <span className="badge badge--error">
                      {t('planning.lateBy', { duration: formatDuration(x.tardinessMin, locale) })}
                    </span>
                    <div>{locale === 'zh-CN' ? x.summary.zh : x.summary.en}</div>
                  </li>
                ))}
              </ul>
            </div>
          </div>
          {access.can('equipment.downtime') ? (
            <div style={{ marginTop: 14 }}>
              <EquipmentDowntimeForm equipment={p.equipment} />
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
