'use client';

import { INSPECTION_STATUSES, type TInspectionStatus } from '@ingot/contracts';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Field } from '../../../components/field.tsx';
import { useI18n } from '../../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../../trpc/react.tsx';
import { useApiError } from '../../../trpc/use-api-error.ts';
import { formatDateTime } from '../../orders/format.ts';
import { StatusChip } from '../../orders/status-chips.tsx';
import { useAccess } from '../../use-access.ts';
import { RequestInspectionForm } from './request-inspection-form.tsx';
import { ScanToReceive } from './scan-to-receive.tsx';

const OPEN: TInspectionStatus[] = ['requested', 'sampled', 'received', 'results_entered', 'evaluated'];

/** The lab's work list: requests of the member's plants by status, with the scan-to-receive box on top. */
export function LabListView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const access = useAccess();
  const [status, setStatus] = useState<TInspectionStatus | 'open' | ''>('open');
  const filter = status === 'open' ? { status: OPEN } : status ? { status: [status] } : {};
  const list = useQuery({
    ...trpc.lab.list.queryOptions({ limit: 100, ...filter }),
    refetchInterval: 10_000,
  });
  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('lab.title')}</h1>
          <p>{t('lab.subtitle')}</p>
        </div>
      </div>
      {access.can('lab.work') ? <ScanToReceive /> : null}
      {access.can('lab.request') ? <RequestInspectionForm /> : null}
      <div className="filters card card-pad">
        <Field label={t('lab.status')}>
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as TInspectionStatus | 'open' | '')}
            data-testid="lab-status"
          >
            <option value="open">{t('lab.allOpen')}</option>
            <option value="">{t('lab.all')}</option>
            {INSPECTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`lab.st.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {list.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {list.error ? <p className="notice notice--error">{apiError(list.error).formError}</p> : null}
      {list.data && list.data.length === 0 ? <p className="notice">{t('lab.empty')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="lab-table">
            <thead>
              <tr>
                <th scope="col">{t('lab.requestNo')}</th>
                <th scope="col">{t('lab.status')}</th>
                <th scope="col">{t('lab.lot')}</th>
                <th scope="col">{t('lab.plan')}</th>
                <th scope="col">{t('lab.operation')}</th>
                <th scope="col">{t('lab.samples')}</th>
                <th scope="col">{t('lab.verdict')}</th>
                <th scope="col">{t('lab.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((r) => (
                <tr key={r.id} data-testid={`lab-row-${r.lot.lotNo}`}>
                  <td>
                    <Link href={`/quality/lab/${r.id}`} className="mono">
                      {r.requestNo}
                    </Link>
                  </td>
                  <td>
                    <span className={`chip chip--${r.status}`} data-status={r.status}>
                      {t(`lab.st.${r.status}`)}
                    </span>
                  </td>
                  <td>
                    <span className="mono">{r.lot.lotNo}</span>{' '}
                    <StatusChip kind="lotStatus" status={r.lot.status} />
                  </td>
                  <td>{r.plan.code}</td>
                  <td>
                    {r.operation
                      ? `${r.operation.workOrderNo} · ${r.operation.operationCode}`
                      : t(`lab.origin.${r.origin as 'manual'}`)}
                  </td>
                  <td>{t('lab.received', { n: r.received, total: r.samples })}</td>
                  <td>{r.verdict ? t(`lab.verdict.${r.verdict as 'pass' | 'fail'}`) : '—'}</td>
                  <td>{formatDateTime(r.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
