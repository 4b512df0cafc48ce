'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatDateTime } from '../orders/format.ts';
import { AlarmFilters, filterInput, type TAlarmFilter } from './alarm-filters.tsx';
import { formatAlarmValue, severityClass } from './alarm-format.ts';
import styles from './alarms.module.css';
import { usePlantNames } from './use-plant-names.ts';

const PAGE = 50;

/** `YYYY-MM-DD` from a date input as the start of that local day, or undefined. */
function dayStart(day: string): Date | undefined {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Closed alarms, newest first, filtered by plant, severity and raise date, a page at a time. */
export function AlarmHistoryView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const { label: plantLabel } = usePlantNames();
  const [filter, setFilter] = useState<TAlarmFilter>({ plantId: '', severity: '' });
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [cursor, setCursor] = useState(0);
  const from = dayStart(fromDay);
  const toStart = dayStart(toDay);
  const to = toStart ? new Date(toStart.getTime() + 86_400_000) : undefined;
  const badRange = from && to && to <= from;
  const list = useQuery({
    ...trpc.alarm.list.queryOptions({
      view: 'history',
      ...filterInput(filter),
      ...(from ? { from } : {}),
      ...(to && !badRange ? { to } : {}),
      cursor,
      limit: PAGE,
    }),
    refetchInterval: 10_000,
  });
  const items = list.data?.items ?? [];
  const change = (f: TAlarmFilter) => {
    setFilter(f);
    setCursor(0);
  };

  return (
    <div className={styles.layout}>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('alarms.historyTitle')}</h1>
          <p>{t('alarms.historySubtitle')}</p>
        </div>
      </div>
      <AlarmFilters value={filter} onChange={change}>
        <Field label={t('alarms.from')}>
          <input
            type="date"
            value={fromDay}
            onChange={(e) => {
              setFromDay(e.target.value);
              setCursor(0);
            }}
            data-testid="alarm-filter-from"
          />
        </Field>
        <Field label={t('alarms.to')} error={badRange ? t('alarms.form.range') : undefined}>
          <input
            type="date"
            value={toDay}
            onChange={(e) => {
              setToDay(e.target.value);
              setCursor(0);
            }}
            data-testid="alarm-filter-to"
          />
        </Field>
      </AlarmFilters>
      {list.error ? <p className="notice notice--error">{apiError(list.error).formError}</p> : null}
      {list.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {list.data && items.length === 0 ? <p className="notice">{t('alarms.emptyHistory')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="alarm-history-table">
            <thead>
              <tr>
                <th scope="col">{t('alarms.severity')}</th>
                <th scope="col">{t('alarms.message')}</th>
                <th scope="col">{t('alarms.equipment')}</th>
                <th scope="col">{t('alarms.tag')}</th>
                <th scope="col" className="num">
                  {t('alarms.value')}
                </th>
                <th scope="col">{t('alarms.raisedAt')}</th>
                <th scope="col">{t('alarms.clearedAt')}</th>
                <th scope="col">{t('alarms.closedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} data-testid="alarm-history-row" data-alarm-id={a.id}>
                  <td>
                    <span className={severityClass(a.severity)}>{t(`alarms.severity.${a.severity}`)}</span>
                  </td>
                  <td>
                    <Link href={`/alarms/${a.id}`}>{a.message}</Link>
                    <div className="muted">{plantLabel(a.plantId)}</div>
                  </td>
                  <td className="mono">{a.equipment ?? '—'}</td>
                  <td className="mono">{a.tag ?? '—'}</td>
                  <td className="num">{formatAlarmValue(a.value, locale)}</td>
                  <td>{formatDateTime(a.raisedAt, locale)}</td>
                  <td>{a.clearedAt ? formatDateTime(a.clearedAt, locale) : '—'}</td>
                  <td>{a.closedAt ? formatDateTime(a.closedAt, locale) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data && list.data.total > PAGE ? (
        <div className={styles.pager}>
          <button
            type="button"
            className="btn btn-sm"
            disabled={cursor === 0}
            onClick={() => setCursor(Math.max(0, cursor - PAGE))}
          >
            {t('alarms.previous')}
          </button>
          <span className="muted">
            {t('alarms.pageOf', { from: cursor + 1, to: cursor + items.length, total: list.data.total })}
          </span>
          <button
            type="button"
            className="btn btn-sm"
            disabled={list.data.nextCursor === null}
            onClick={() => setCursor(list.data?.nextCursor ?? cursor)}
          >
            {t('alarms.next')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
