'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatDateTime } from '../orders/format.ts';
import { useAccess } from '../use-access.ts';
import { CommentDialog, ShelveDialog, useRefreshAlarms } from './alarm-action-dialogs.tsx';
import { formatAlarmValue, severityClass, stateBadge } from './alarm-format.ts';
import styles from './alarms.module.css';
import { usePlantNames } from './use-plant-names.ts';

const EVENT_KINDS = [
  'raised',
  'returned',
  'cleared',
  'acknowledged',
  'shelved',
  'unshelved',
  'comment',
  'closed',
] as const;
type TEventKind = (typeof EVENT_KINDS)[number];
const isEventKind = (k: string): k is TEventKind => (EVENT_KINDS as readonly string[]).includes(k);

/** One alarm: what raised it, its state and times, the operator's actions, and its whole history. */
export function AlarmDetailView({ alarmId }: { alarmId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const access = useAccess();
  const canAck = access.can('alarm.ack');
  const { label: plantLabel } = usePlantNames();
  const refresh = useRefreshAlarms();
  const alarm = useQuery({ ...trpc.alarm.get.queryOptions({ id: alarmId }), refetchInterval: 2000 });
  const ack = useMutation(trpc.alarm.ack.mutationOptions({ onSuccess: () => void refresh() }));
  const unshelve = useMutation(trpc.alarm.unshelve.mutationOptions({ onSuccess: () => void refresh() }));
  const [shelving, setShelving] = useState(false);
  const [commenting, setCommenting] = useState(false);

  if (alarm.error) return <p className="notice notice--error">{apiError(alarm.error).formError}</p>;
  if (!alarm.data) return <p aria-live="polite">{t('common.loading')}</p>;
  const a = alarm.data;
  const open = a.state !== 'closed';
  const actionError = ack.error ?? unshelve.error;

  return (
    <div className={styles.layout}>
      <p>
        <Link href={a.state === 'closed' ? '/alarms/history' : '/alarms'}>← {t('alarms.back')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{a.message}</h1>
          <p>
            <span className={severityClass(a.severity)}>{t(`alarms.severity.${a.severity}`)}</span>{' '}
            <span className={stateBadge(a.state)} data-testid="alarm-detail-state" data-state={a.state}>
              {t(`alarms.state.${a.state}`)}
            </span>
            {a.shelvedUntil ? (
              <span className="badge">
                {t('alarms.shelvedUntilAt', { at: formatDateTime(a.shelvedUntil, locale) })}
              </span>
            ) : null}
          </p>
        </div>
        {canAck ? (
          <div className={styles.actions}>
            {a.state === 'active_unacked' || a.state === 'cleared_unacked' ? (
              <button
                type="button"
                className="btn btn-primary"
                disabled={ack.isPending}
                onClick={() => ack.mutate({ id: a.id })}
                data-testid="alarm-ack"
              >
                {t('alarms.ack')}
              </button>
            ) : null}
            {open && !a.shelvedUntil ? (
              <button
                type="button"
                className="btn"
                onClick={() => setShelving(true)}
                data-testid="alarm-shelve"
              >
                {t('alarms.shelve')}
              </button>
            ) : null}
            {open && a.shelvedUntil ? (
              <button
                type="button"
                className="btn"
                disabled={unshelve.isPending}
                onClick={() => unshelve.mutate({ id: a.id })}
                data-testid="alarm-unshelve"
              >
                {t('alarms.unshelve')}
              </button>
            ) : null}
            <button
              type="button"
              className="btn"
              onClick={() => setCommenting(true)}
              data-testid="alarm-comment"
            >
              {t('alarms.comment')}
            </button>
          </div>
        ) : null}
      </div>
      {actionError ? <p className="notice notice--error">{apiError(actionError).formError}</p> : null}
      <section className="card card-pad">
        <dl className={styles.facts}>
          <dt>{t('telemetry.plant')}</dt>
          <dd>{plantLabel(a.plantId)}</dd>
          <dt>{t('alarms.source')}</dt>
          <dd>
            {t(`alarms.source.${a.source === 'connector' || a.source === 'spc' ? a.source : 'rule'}`)}
            {a.ruleName ? ` · ${a.ruleName}` : ''}
          </dd>
          <dt>{t('alarms.equipment')}</dt>
          <dd className="mono">{a.equipment ?? '—'}</dd>
          <dt>{t('alarms.tag')}</dt>
          <dd className="mono">{a.tag ?? '—'}</dd>
          <dt>{t('alarms.value')}</dt>
          <dd>{formatAlarmValue(a.value, locale)}</dd>
          <dt>{t('alarms.raisedAt')}</dt>
          <dd>{formatDateTime(a.raisedAt, locale)}</dd>
          <dt>{t('alarms.clearedAt')}</dt>
          <dd>{a.clearedAt ? formatDateTime(a.clearedAt, locale) : '—'}</dd>
          <dt>{t('alarms.ackedAt')}</dt>
          <dd>{a.ackedAt ? formatDateTime(a.ackedAt, locale) : '—'}</dd>
          <dt>{t('alarms.closedAt')}</dt>
          <dd>{a.closedAt ? formatDateTime(a.closedAt, locale) : '—'}</dd>
        </dl>
      </section>
      <section className="card card-pad">
        <h2>{t('alarms.history')}</h2>
        <ol className={styles.timeline} data-testid="alarm-events">
          {a.events.map((e) => (
            <li key={e.id} data-testid="alarm-event" data-kind={e.kind}>
              <span>{formatDateTime(e.at, locale)}</span>
              <strong>{isEventKind(e.kind) ? t(`alarms.event.${e.kind}`) : e.kind}</strong>
              <span>
                {e.userName ?? (e.userId ? '' : t('alarms.bySystem'))}
                {e.value !== null ? ` · ${t('alarms.value')} ${formatAlarmValue(e.value, locale)}` : ''}
                {e.text && e.kind !== 'raised' ? <div data-testid="alarm-event-text">{e.text}</div> : null}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <ShelveDialog
        key={`s-${shelving}`}
        alarmId={shelving ? a.id : null}
        onClose={() => setShelving(false)}
      />
      <CommentDialog
        key={`c-${commenting}`}
        alarmId={commenting ? a.id : null}
        onClose={() => setCommenting(false)}
      />
    </div>
  );
}
