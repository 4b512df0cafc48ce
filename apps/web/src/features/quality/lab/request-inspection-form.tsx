'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/field.tsx';
import { useI18n } from '../../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../../trpc/react.tsx';
import { useApiError } from '../../../trpc/use-api-error.ts';
import styles from './lab.module.css';

/**
 * An inspection request by hand (a re-test after rework, a customer complaint): find the lot by number, heat or order,
 * choose a plan (or let the best matching one be taken), and go to the new request.
 */
export function RequestInspectionForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const apiError = useApiError();
  const [q, setQ] = useState('');
  const [lotId, setLotId] = useState('');
  const [planId, setPlanId] = useState('');
  const lots = useQuery({ ...trpc.lot.search.queryOptions({ q, limit: 20 }), enabled: q.trim().length >= 2 });
  const plans = useQuery(trpc.inspectionPlan.list.queryOptions({}));
  const request = useMutation(
    trpc.lab.request.mutationOptions({
      onSuccess: (raised) => {
        void queryClient.invalidateQueries({ queryKey: trpc.lab.pathKey() });
        router.push(`/quality/lab/${raised.id}`);
      },
    }),
  );
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (lotId) request.mutate({ lotId, ...(planId ? { planId } : {}) });
  };
  const err = request.error ? apiError(request.error) : null;
  return (
    <form className="card card-pad" onSubmit={onSubmit} data-testid="request-form">
      <h2>{t('lab.newRequest')}</h2>
      <div className={styles.actions}>
        <Field label={t('lab.findLot')}>
          <input
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
            data-testid="request-lot-search"
          />
        </Field>
        <Field label={t('lab.lot')} error={err?.fieldErrors.lotId}>
          <select value={lotId} onChange={(e) => setLotId(e.target.value)} data-testid="request-lot">
            <option value="">—</option>
            {lots.data?.map((l) => (
              <option key={l.id} value={l.id}>
                {l.lotNo} · {l.status}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('lab.plan')} error={err?.fieldErrors.planId}>
          <select value={planId} onChange={(e) => setPlanId(e.target.value)} data-testid="request-plan">
            <option value="">{t('lab.bestPlan')}</option>
            {plans.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code}
              </option>
            ))}
          </select>
        </Field>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!lotId || request.isPending}
          data-testid="request-submit"
        >
          {t('lab.requestSubmit')}
        </button>
      </div>
      {err?.formError ? <p className="notice notice--error">{err.formError}</p> : null}
    </form>
  );
}
