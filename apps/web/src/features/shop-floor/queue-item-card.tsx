'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../orders/format.ts';
import { StatusChip } from '../orders/status-chips.tsx';
import type { TQueueItem } from './types.ts';

const num = (raw: FormDataEntryValue | null) => {
  const s = String(raw ?? '').trim();
  return s === '' ? 0 : Number(s);
};

/**
 * One operation at the machine. Queued: the input lots to take (the suggestions ticked) and Start. Running: report
 * good and scrap tonnes, and Finish (output lot from the good quantity, optional scrap at the finish).
 */
export function QueueItemCard({
  item,
  equipmentId,
  canReport,
  isNext,
  timeZone,
  onDone,
}: {
  /** The plant's time zone: planned times are shown on its wall clock. */
  timeZone?: string | undefined;
  item: TQueueItem;
  equipmentId: string;
  canReport: boolean;
  isNext: boolean;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const [lots, setLots] = useState<string[]>(() => item.suggestedLots.map((l) => l.id).slice(0, 1));
  const [finishing, setFinishing] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const statusText = (s: string) => t(`orderStatus.${s}` as 'orderStatus.entered');
  const start = useMutation(
    trpc.shopFloor.start.mutationOptions({
      onSuccess: (r) =>
        onDone(
          [
            t('shopFloor.started', { wo: r.workOrderNo }),
            r.orderAdvanced
              ? t('shopFloor.orderAdvanced', { order: r.orderNo, status: statusText(r.orderStatus) })
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        ),
    }),
  );
  const report = useMutation(
    trpc.shopFloor.report.mutationOptions({
      onSuccess: (r) => {
        setFormKey((k) => k + 1);
        onDone(
          t('shopFloor.reportedNotice', {
            good: formatNumber(r.goodT, locale),
            scrap: formatNumber(r.scrapT, locale),
          }),
        );
      },
    }),
  );
  const finish = useMutation(
    trpc.shopFloor.finish.mutationOptions({
      onSuccess: (r) => {
        setFinishing(false);
        onDone(
          [
            t('shopFloor.finished', { lots: r.outputLots.map((l) => l.lotNo).join(', ') || '—' }),
            r.yield.flagged && r.yield.actual !== null
              ? t('shopFloor.yieldFlag', {
                  actual: formatPercent(r.yield.actual, locale),
                  routing: formatPercent(r.yield.routing, locale),
                })
              : '',
            r.orderCompleted
              ? t('shopFloor.orderAdvanced', { order: r.orderNo, status: statusText(r.orderStatus) })
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        );
      },
    }),
  );
  const startErr = apiError(start.error);
  const reportErr = apiError(report.error);
  const finishErr = apiError(finish.error);
  const running = item.status === 'in_progress';
  const title = `${item.workOrderNo} #${item.seq} ${item.stepName}`;

  const onReport = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    report.mutate({
      operationId: item.operationId,
      goodT: num(f.get('goodT')),
      scrapT: num(f.get('scrapT')),
      note: String(f.get('note') ?? ''),
    });
  };
  const onFinish = (f: FormData) => {
    finish.mutate({
      operationId: item.operationId,
      scrapT: num(f.get('scrapT')),
      note: String(f.get('note') ?? ''),
    });
  };

  return (
    <li
      className={running ? 'card queue-card queue-card--active' : 'card queue-card'}
      data-testid={`queue-item-${item.workOrderNo}-${item.seq}`}
      data-good-t={item.goodT}
      data-scrap-t={item.scrapT}
      aria-label={title}
    >
      <div className="queue-card__head">
        <h3>
          <span className="mono">{item.workOrderNo}</span> #{item.seq} {item.stepName}{' '}
          <span className="muted mono">{item.operationCode}</span>
        </h3>
        <StatusChip kind="operationStatus" status={item.status} testId="queue-item-status" />
      </div>
      <p className="muted" style={{ margin: 0 }}>
        {item.orderNo} · {item.customerName} · {item.spec.summary} ·{' '}
        {t('shopFloor.due', { date: formatDate(item.dueDate, locale, timeZone) })}
      </p>
      <p style={{ margin: 0 }}>
        {item.planned
          ? t('shopFloor.plannedAt', {
              start: formatDateTime(item.planned.start, locale, timeZone),
              end: formatDateTime(item.planned.end, locale, timeZone),
            })
          : null}
        {item.planned && item.planned.setupMinutes > 0
          ? ` · ${t('shopFloor.setupMin', { minutes: Math.round(item.planned.setupMinutes) })}`
          : null}
        {' · '}
        {t('shopFloor.inputT', { value: formatNumber(item.inputT, locale) })}
        {running
          ? ` · ${t('shopFloor.reported', { good: formatNumber(item.goodT, locale), scrap: formatNumber(item.scrapT, locale) })}`
          : null}
      </p>
      {item.waitingFor ? (
        <p className="notice notice--warn" style={{ margin: 0 }}>
          {t('shopFloor.waitingFor', {
            seq: item.waitingFor.seq,
            code: item.waitingFor.operationCode,
            status: t(`operationStatus.${item.waitingFor.status}` as 'operationStatus.pending'),
          })}
        </p>
      ) : null}

      {!running && canReport ? (
        <>
          <fieldset>
            <legend>{t('shopFloor.inputLots')}</legend>
            {item.suggestedLots.length === 0 ? (
              <p className="muted" style={{ margin: 0 }}>
                {t('shopFloor.noSuggestedLots')}
              </p>
            ) : (
              <div className="check-grid">
                {item.suggestedLots.map((l) => (
                  <label key={l.id}>
                    <input
                      type="checkbox"
                      checked={lots.includes(l.id)}
                      onChange={(e) =>
                        setLots((list) =>
                          e.target.checked ? [...list, l.id] : list.filter((x) => x !== l.id),
                        )
                      }
                    />
                    <span className="mono">{l.lotNo}</span> {formatNumber(l.weightKg, locale, 0)} kg
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          <FormError message={startErr.formError ?? Object.values(startErr.fieldErrors)[0]} />
          <div className="big-actions">
            <button
              type="button"
              className={isNext ? 'btn btn-primary' : 'btn'}
              disabled={start.isPending}
              onClick={() =>
                start.mutate({ operationId: item.operationId, equipmentId, inputLotIds: lots, note: '' })
              }
              data-testid="start-operation"
            >
              {start.isPending ? t('shopFloor.starting') : t('shopFloor.start')}
            </button>
          </div>
        </>
      ) : null}

      {running && canReport ? (
        <>
          {item.inputLots.length > 0 ? (
            <p className="muted" style={{ margin: 0 }}>
              {t('shopFloor.inputLots')}: {item.inputLots.map((l) => l.lotNo).join(', ')}
            </p>
          ) : null}
          <form
            className="form-grid"
            onSubmit={onReport}
            noValidate
            key={formKey}
            aria-label={t('shopFloor.report')}
          >
            <Field label={t('shopFloor.good')} error={reportErr.fieldErrors.goodT} testId="report-good">
              <input
                name="goodT"
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                data-testid="report-good"
              />
            </Field>
            <Field label={t('shopFloor.scrap')} error={reportErr.fieldErrors.scrapT} testId="report-scrap">
              <input
                name="scrapT"
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                data-testid="report-scrap"
              />
            </Field>
            <Field label={t('shopFloor.note')} error={reportErr.fieldErrors.note}>
              <input name="note" type="text" />
            </Field>
            <div className="big-actions" style={{ alignSelf: 'end' }}>
              <button type="submit" className="btn" disabled={report.isPending} data-testid="report-submit">
                {t('shopFloor.reportSubmit')}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => setFinishing(true)}
                data-testid="finish-operation"
              >
                {t('shopFloor.finish')}
              </button>
            </div>
          </form>
          <FormError message={reportErr.formError} />
        </>
      ) : null}

      <Modal
        open={finishing}
        title={t('shopFloor.finishTitle', { item: title })}
        onClose={() => setFinishing(false)}
        testId="finish-dialog"
      >
        <FormFrame
          heading={
            <p className="muted" style={{ margin: 0 }}>
              {t('shopFloor.finishHint')}
            </p>
          }
          formError={
            finishErr.formError ?? finishErr.fieldErrors.operationId ?? finishErr.fieldErrors.outputs
          }
          pending={finish.isPending}
          onSubmit={onFinish}
          onCancel={() => setFinishing(false)}
          submitLabel={t('shopFloor.finishSubmit')}
          submitTestId="finish-submit"
        >
          <Field label={t('shopFloor.finishScrap')} error={finishErr.fieldErrors.scrapT}>
            <input name="scrapT" type="number" min={0} step="any" inputMode="decimal" />
          </Field>
          <Field label={t('shopFloor.note')} error={finishErr.fieldErrors.note}>
            <input name="note" type="text" />
          </Field>
        </FormFrame>
      </Modal>
    </li>
  );
}
