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
import { AlarmFilters, filterInput, type TAlarmFilter } from './alarm-filters.tsx';
import { formatAlarmValue, severityClass, stateBadge } from './alarm-format.ts';
import styles from './alarms.module.css';
import { usePlantNames } from './use-plant-names.ts';

/** Alarms still open: `active` (not shelved, most severe first) or `shelved`. Refreshes itself every 2 s. */
export function AlarmListView({ view }: { view: 'active' | 'shelved' }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const access = useAccess();
  const canAck = access.can('alarm.ack');
  const { label: plantLabel } = usePlantNames();
  const refresh = useRefreshAlarms();
  const [filter, setFilter] = useState<TAlarmFilter>({ plantId: '', severity: '' });
  const list = useQuery({
    ...trpc.alarm.list.queryOptions({ view, limit: 200, ...filterInput(filter) }),
    refetchInterval: 2000,
  });
  const [shelving, setShelving] = useState<string | null>(null);
  const [commenting, setCommenting] = useState<string | null>(null);
  const ack = useMutation(trpc.alarm.ack.mutationOptions({ onSuccess: () => void refresh() }));
  const unshelve = useMutation(trpc.alarm.unshelve.mutationOptions({ onSuccess: () => void refresh() }));
  const actionError = ack.error ?? unshelve.error;
  const items = list.data?.items ?? [];

  return (
    <div className={styles.layout}>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t(view === 'active' ? 'alarms.title' : 'alarms.shelvedTitle')}</h1>
          <p>{t(view === 'active' ? 'alarms.subtitle' : 'alarms.shelvedSubtitle')}</p>
        </div>
        {list.data ? (
          <p className="muted" data-testid="alarm-count">
            {t('alarms.count', { n: list.data.total })}
          </p>
        ) : null}
      </div>
      <AlarmFilters value={filter} onChange={setFilter} />
      {list.error ? <p className="notice notice--error">{apiError(list.error).formError}</p> : null}
      {actionError ? <p className="notice notice--error">{apiError(actionError).formError}</p> : null}
      {list.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {list.data && items.length === 0 ? (
        <p className="notice notice--ok" data-testid="alarm-empty">
          {t(view === 'active' ? 'alarms.emptyActive' : 'alarms.emptyShelved')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="alarm-table">
            <thead>
              <tr>
                <th scope="col">{t('alarms.severity')}</th>
                <th scope="col">{t('alarms.state')}</th>
                <th scope="col">{t('alarms.message')}</th>
                <th scope="col">{t('alarms.equipment')}</th>
                <th scope="col">{t('alarms.tag')}</th>
                <th scope="col" className="num">
                  {t('alarms.value')}
                </th>
                <th scope="col">{t('alarms.raisedAt')}</th>
                <th scope="col">{view === 'active' ? t('alarms.clearedAt') : t('alarms.shelvedUntil')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr
                  key={a.id}
                  className={a.state === 'active_unacked' ? styles.unacked : undefined}
                  data-testid="alarm-row"
                  data-alarm-id={a.id}
                  data-state={a.state}
                >
                  <td>
                    <span className={severityClass(a.severity)} data-severity={a.severity}>
                      {t(`alarms.severity.${a.severity}`)}
                    </span>
                  </td>
                  <td>
                    <span className={stateBadge(a.state)} data-testid="alarm-state">
                      {t(`alarms.state.${a.state}`)}
                    </span>
                  </td>
                  <td>
                    <Link href={`/alarms/${a.id}`} data-testid="alarm-link">
                      {a.message}
                    </Link>
                    <div className="muted">{plantLabel(a.plantId)}</div>
                  </td>
                  <td className="mono">{a.equipment ?? '—'}</td>
                  <td className="mono">{a.tag ?? '—'}</td>
                  <td className="num">{formatAlarmValue(a.value, locale)}</td>
                  <td>{formatDateTime(a.raisedAt, locale)}</td>
                  <td>
                    {view === 'active'
                      ? a.clearedAt
                        ? formatDateTime(a.clearedAt, locale)
                        : '—'
                      : a.shelvedUntil
                        ? formatDateTime(a.shelvedUntil, locale)
                        : '—'}
                  </td>
                  <td>
                    {canAck ? (
                      <div className={styles.actions}>
                        {a.state === 'active_unacked' || a.state === 'cleared_unacked' ? (
                          <button
                            type="button"
                            className="btn btn-sm btn-primary"
                            disabled={ack.isPending}
                            onClick={() => ack.mutate({ id: a.id })}
                            data-testid="alarm-ack"
                          >
                            {t('alarms.ack')}
                          </button>
                        ) : null}
                        {view === 'active' ? (
                          <button
                            type="button"
                            className="btn btn-sm"
                            onClick={() => setShelving(a.id)}
                            data-testid="alarm-shelve"
                          >
                            {t('alarms.shelve')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="btn btn-sm"
                            disabled={unshelve.isPending}
                            onClick={() => unshelve.mutate({ id: a.id })}
                            data-testid="alarm-unshelve"
                          >
                            {t('alarms.unshelve')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="btn btn-sm"
                          onClick={() => setCommenting(a.id)}
                          data-testid="alarm-comment"
                        >
                          {t('alarms.comment')}
                        </button>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShelveDialog key={`s-${shelving}`} alarmId={shelving} onClose={() => setShelving(null)} />
      <CommentDialog key={`c-${commenting}`} alarmId={commenting} onClose={() => setCommenting(null)} />
    </div>
  );
}
