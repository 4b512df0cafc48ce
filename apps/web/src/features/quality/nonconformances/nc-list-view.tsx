'use client';

import { NONCONFORMANCE_STATUSES } from '@ingot/contracts';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Field } from '../../../components/field.tsx';
import { useI18n } from '../../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../../trpc/react.tsx';
import { useApiError } from '../../../trpc/use-api-error.ts';
import { formatDateTime } from '../../orders/format.ts';
import { StatusChip } from '../../orders/status-chips.tsx';

type TStatus = (typeof NONCONFORMANCE_STATUSES)[number];

/** Nonconformances of the member's plants, newest first, by status, with their age. */
export function NcListView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const [status, setStatus] = useState<TStatus | ''>('');
  const list = useQuery(
    trpc.nonconformance.list.queryOptions({ limit: 200, ...(status ? { status: [status] } : {}) }),
  );
  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('nc.title')}</h1>
          <p>{t('nc.subtitle')}</p>
        </div>
      </div>
      <div className="filters card card-pad">
        <Field label={t('nc.status')}>
          <select value={status} onChange={(e) => setStatus(e.target.value as TStatus | '')}>
            <option value="">{t('lab.all')}</option>
            {NONCONFORMANCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`nc.st.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {list.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {list.error ? <p className="notice notice--error">{apiError(list.error).formError}</p> : null}
      {list.data && list.data.length === 0 ? <p className="notice">{t('nc.empty')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="nc-table">
            <thead>
              <tr>
                <th scope="col">{t('nc.ncNo')}</th>
                <th scope="col">{t('nc.status')}</th>
                <th scope="col">{t('nc.defect')}</th>
                <th scope="col">{t('nc.lot')}</th>
                <th scope="col">{t('nc.disposition')}</th>
                <th scope="col">{t('nc.age')}</th>
                <th scope="col">{t('lab.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((n) => (
                <tr key={n.id} data-testid={`nc-row-${n.ncNo}`}>
                  <td>
                    <Link href={`/quality/nonconformances/${n.id}`} className="mono">
                      {n.ncNo}
                    </Link>
                  </td>
                  <td>
                    <span className={`chip chip--${n.status}`}>{t(`nc.st.${n.status as TStatus}`)}</span>
                  </td>
                  <td className="mono">{n.defectCode}</td>
                  <td>
                    <span className="mono">{n.lot.lotNo}</span>{' '}
                    <StatusChip kind="lotStatus" status={n.lot.status} />
                  </td>
                  <td>{n.disposition ? t(`nc.disp.${n.disposition}`) : '—'}</td>
                  <td>{t('nc.ageDays', { n: n.ageDays })}</td>
                  <td>{formatDateTime(n.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
