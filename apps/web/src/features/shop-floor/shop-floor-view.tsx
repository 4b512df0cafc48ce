'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatDateTime } from '../orders/format.ts';
import { useAccess } from '../use-access.ts';
import '../orders/production.css';
import { QueueItemCard } from './queue-item-card.tsx';

/**
 * The operator's screen: pick a plant and a machine (kept in the URL so a terminal at the machine can bookmark it),
 * see what runs and what comes next in the published plan's sequence, start / report / finish, report a breakdown.
 */
export function ShopFloorView({
  plantId: initialPlant,
  equipmentId,
}: {
  plantId: string;
  equipmentId: string;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const access = useAccess();
  const apiError = useApiError();
  const [plantId, setPlantId] = useState(initialPlant);
  const [notice, setNotice] = useState<string | null>(null);
  const [downOpen, setDownOpen] = useState(false);

  const plants = useQuery(trpc.plant.list.queryOptions());
  const effectivePlant = plantId || (plants.data?.length === 1 ? (plants.data[0]?.id ?? '') : '');
  const timeZone = plants.data?.find((p) => p.id === effectivePlant)?.timezone;
  const equipment = useQuery({
    ...trpc.equipment.list.queryOptions({ plantId: effectivePlant }),
    enabled: Boolean(effectivePlant),
  });
  const queue = useQuery({
    ...trpc.shopFloor.queue.queryOptions({ equipmentId, horizonHours: 168 }),
    enabled: Boolean(equipmentId),
    refetchInterval: 30_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.shopFloor.queue.pathKey() });

  const down = useMutation(
    trpc.plan.equipmentDown.mutationOptions({
      onSuccess: async () => {
        setDownOpen(false);
        setNotice(t('shopFloor.downReported'));
        await refresh();
      },
    }),
  );
  const up = useMutation(
    trpc.plan.equipmentUp.mutationOptions({
      onSuccess: async (r) => {
        setNotice(t('shopFloor.upReported', { minutes: Math.round(r.minutes) }));
        await refresh();
      },
    }),
  );
  const downErr = apiError(down.error);
  const canReport = access.can('operation.report');
  const canDown = access.can('equipment.downtime');

  const pick = (nextPlant: string, nextEquipment: string) => {
    const q = new URLSearchParams();
    if (nextPlant) q.set('plant', nextPlant);
    if (nextEquipment) q.set('equipment', nextEquipment);
    setNotice(null);
    router.replace(`/shop-floor${q.size ? `?${q}` : ''}`);
  };

  const onDown = (f: FormData) => {
    down.mutate({
      equipmentId,
      reason: String(f.get('reason') ?? ''),
      kind: String(f.get('kind') ?? 'breakdown') === 'maintenance' ? 'maintenance' : 'breakdown',
    });
  };

  const q = queue.data;
  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('shopFloor.title')}</h1>
          <p>{t('shopFloor.subtitle')}</p>
        </div>
      </div>

      <div className="filters card card-pad">
        <Field label={t('prod.plant')}>
          <select
            value={effectivePlant}
            onChange={(e) => {
              setPlantId(e.target.value);
              pick(e.target.value, '');
            }}
            data-testid="sf-plant"
          >
            <option value="">{t('prod.choosePlant')}</option>
            {plants.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('shopFloor.machine')}>
          <select
            value={equipmentId}
            onChange={(e) => pick(effectivePlant, e.target.value)}
            disabled={!effectivePlant}
            data-testid="sf-machine"
          >
            <option value="">{t('shopFloor.chooseMachine')}</option>
            {equipment.data?.map((m) => (
              <option key={m.id} value={m.id}>
                {m.code} · {m.name}
              </option>
            ))}
          </select>
        </Field>
      </div>

      {!equipmentId ? <p className="notice">{t('shopFloor.pickHint')}</p> : null}
      {!access.loading && !canReport && equipmentId ? (
        <p className="notice">{t('shopFloor.readOnly')}</p>
      ) : null}
      {queue.error ? <p className="notice notice--error">{apiError(queue.error).formError}</p> : null}
      {notice ? (
        <output className="notice notice--ok" style={{ display: 'block' }} data-testid="sf-notice">
          {notice}
        </output>
      ) : null}
      {queue.isLoading && equipmentId ? <p aria-live="polite">{t('common.loading')}</p> : null}

      {q ? (
        <>
          <div className="page-head" style={{ marginTop: 12 }}>
            <div>
              <h2 style={{ margin: 0 }} data-testid="sf-machine-title">
                {q.equipment.code} · {q.equipment.name}
              </h2>
              <p>{q.plan ? t('shopFloor.plan', { version: q.plan.version }) : t('shopFloor.noPlan')}</p>
            </div>
            {canDown ? (
              q.down ? (
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => up.mutate({ equipmentId, note: '' })}
                  disabled={up.isPending}
                  data-testid="equipment-up"
                >
                  {t('shopFloor.backUp')}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn btn-danger"
                  onClick={() => setDownOpen(true)}
                  data-testid="equipment-down"
                >
                  {t('shopFloor.breakdown')}
                </button>
              )
            ) : null}
          </div>
          {q.down ? (
            <output className="notice notice--error" style={{ display: 'block' }} data-testid="sf-down">
              <strong>{t('shopFloor.down')}</strong> ·{' '}
              {t('shopFloor.downSince', {
                kind: t(
                  q.down.kind === 'maintenance'
                    ? 'planning.downKind.maintenance'
                    : 'planning.downKind.breakdown',
                ),
                since: formatDateTime(q.down.since, locale, timeZone),
                reason: q.down.reason,
              })}
            </output>
          ) : null}
          <FormError message={apiError(up.error).formError} />

          <section className="section" aria-labelledby="sf-running">
            <h2 id="sf-running">{t('shopFloor.running')}</h2>
            {q.inProgress.length === 0 ? <p className="muted">{t('shopFloor.nothingRunning')}</p> : null}
            <ul className="queue" data-testid="sf-in-progress">
              {q.inProgress.map((item) => (
                <QueueItemCard
                  key={item.operationId}
                  item={item}
                  equipmentId={equipmentId}
                  canReport={canReport}
                  isNext={false}
                  timeZone={timeZone}
                  onDone={(m) => {
                    setNotice(m);
                    void refresh();
                  }}
                />
              ))}
            </ul>
          </section>
          <section className="section" aria-labelledby="sf-queue">
            <h2 id="sf-queue">{t('shopFloor.queue')}</h2>
            {q.queued.length === 0 ? <p className="muted">{t('shopFloor.emptyQueue')}</p> : null}
            <ol className="queue" data-testid="sf-queue">
              {q.queued.map((item, i) => (
                <QueueItemCard
                  key={item.operationId}
                  item={item}
                  equipmentId={equipmentId}
                  canReport={canReport}
                  isNext={i === 0 && !item.waitingFor}
                  timeZone={timeZone}
                  onDone={(m) => {
                    setNotice(m);
                    void refresh();
                  }}
                />
              ))}
            </ol>
          </section>
        </>
      ) : null}

      <Modal
        open={downOpen}
        title={t('shopFloor.breakdown')}
        onClose={() => setDownOpen(false)}
        testId="down-dialog"
      >
        <FormFrame
          formError={downErr.formError}
          pending={down.isPending}
          onSubmit={onDown}
          onCancel={() => setDownOpen(false)}
          submitLabel={t('shopFloor.breakdownSubmit')}
          tone="danger"
          submitTestId="down-submit"
        >
          <Field label={t('planning.downKind')}>
            <select name="kind" defaultValue="breakdown">
              <option value="breakdown">{t('planning.downKind.breakdown')}</option>
              <option value="maintenance">{t('planning.downKind.maintenance')}</option>
            </select>
          </Field>
          <Field
            label={t('shopFloor.breakdownReason')}
            error={downErr.fieldErrors.reason}
            testId="down-reason"
          >
            <textarea name="reason" rows={3} data-testid="down-reason" />
          </Field>
        </FormFrame>
      </Modal>
    </>
  );
}
