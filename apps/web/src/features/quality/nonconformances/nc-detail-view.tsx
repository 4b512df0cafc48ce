'use client';

import { DISPOSITIONS, type TDisposition } from '@ingot/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/field.tsx';
import { useI18n } from '../../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../../trpc/react.tsx';
import { useApiError } from '../../../trpc/use-api-error.ts';
import { dateInputValue, formatDateTime } from '../../orders/format.ts';
import { StatusChip } from '../../orders/status-chips.tsx';
import { useAccess } from '../../use-access.ts';

/** One nonconformance: the defect, the disposition (concession needs the customer's reference), corrective action, closing. */
export function NcDetailView({ ncId }: { ncId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apiError = useApiError();
  const access = useAccess();
  const nc = useQuery(trpc.nonconformance.get.queryOptions({ id: ncId }));
  const me = useQuery(trpc.me.get.queryOptions());
  const members = useQuery({ ...trpc.member.list.queryOptions(), enabled: access.can('member.read') });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.nonconformance.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.lab.pathKey() });
  };
  const disposition = useMutation(trpc.nonconformance.disposition.mutationOptions({ onSuccess: refresh }));
  const corrective = useMutation(
    trpc.nonconformance.setCorrectiveAction.mutationOptions({ onSuccess: refresh }),
  );
  const close = useMutation(trpc.nonconformance.close.mutationOptions({ onSuccess: refresh }));
  const [choice, setChoice] = useState<TDisposition>('concession');

  if (nc.isLoading) return <p aria-live="polite">{t('common.loading')}</p>;
  if (nc.error || !nc.data) return <p className="notice notice--error">{apiError(nc.error).formError}</p>;
  const n = nc.data;
  const dispError = disposition.error ? apiError(disposition.error) : null;
  const corrError = corrective.error ? apiError(corrective.error) : null;

  const onDisposition = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    disposition.mutate({
      id: n.id,
      disposition: choice,
      note: String(f.get('note') ?? ''),
      concessionRef: String(f.get('concessionRef') ?? ''),
    });
  };
  const onCorrective = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    corrective.mutate({
      id: n.id,
      action: String(f.get('action') ?? ''),
      ownerUserId: String(f.get('owner') ?? ''),
      dueAt: new Date(String(f.get('due') ?? '')),
    });
  };
  const owners =
    members.data?.map((m) => ({ id: m.userId, name: `${m.displayName} <${m.email}>` })) ??
    (me.data ? [{ id: me.data.user.id, name: `${me.data.user.displayName} <${me.data.user.email}>` }] : []);

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title" className="mono">
            {n.ncNo}
          </h1>
          <p>
            <span className={`chip chip--${n.status}`} data-testid="nc-status" data-status={n.status}>
              {t(`nc.st.${n.status as 'open'}`)}
            </span>{' '}
            <span className="mono">{n.defectCode}</span> · {t('nc.lot')}{' '}
            <Link href={`/lots/${n.lot.id}`} className="mono">
              {n.lot.lotNo}
            </Link>{' '}
            {t('nc.lotNow')}: <StatusChip kind="lotStatus" status={n.lot.status} testId="nc-lot-status" />
            {n.request ? (
              <>
                {' '}
                · {t('nc.request')}{' '}
                <Link href={`/quality/lab/${n.request.id}`} className="mono">
                  {n.request.requestNo}
                </Link>
              </>
            ) : null}
          </p>
        </div>
      </div>
      <section className="card card-pad">
        <h2>{t('nc.description')}</h2>
        <p data-testid="nc-description">{n.description}</p>
      </section>

      <section className="card card-pad">
        <h2>{t('nc.disposition')}</h2>
        {n.disposition ? (
          <p data-testid="nc-disposition">
            {t(`nc.disp.${n.disposition}`)}
            {n.concessionRef ? ` · ${t('nc.concessionRef')}: ${n.concessionRef}` : ''}
            {n.dispositionAt ? ` · ${t('nc.dispositionAt')} ${formatDateTime(n.dispositionAt, locale)}` : ''}
            {n.dispositionNote ? ` · ${n.dispositionNote}` : ''}
          </p>
        ) : null}
        {n.status === 'open' && access.can('quality.approve') ? (
          <form onSubmit={onDisposition} className="form-grid" data-testid="disposition-form">
            <Field label={t('nc.decide')}>
              <select
                value={choice}
                onChange={(e) => setChoice(e.target.value as TDisposition)}
                data-testid="disposition-choice"
              >
                {DISPOSITIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`nc.disp.${d}`)}
                  </option>
                ))}
              </select>
            </Field>
            {choice === 'concession' ? (
              <Field
                label={t('nc.concessionRef')}
                hint={t('nc.concessionRefHint')}
                error={dispError?.fieldErrors.concessionRef}
              >
                <input name="concessionRef" data-testid="concession-ref" />
              </Field>
            ) : null}
            <Field label={t('nc.note')}>
              <input name="note" />
            </Field>
            <button
              type="submit"
              className="btn btn-primary"
              disabled={disposition.isPending}
              data-testid="disposition-save"
            >
              {t('nc.save')}
            </button>
            {dispError?.formError ? <p className="notice notice--error">{dispError.formError}</p> : null}
          </form>
        ) : null}
      </section>

      <section className="card card-pad">
        <h2>{t('nc.corrective')}</h2>
        {n.correctiveAction ? (
          <p>
            {n.correctiveAction} · {n.correctiveOwner?.displayName ?? '—'} ·{' '}
            {n.correctiveDueAt ? formatDateTime(n.correctiveDueAt, locale) : '—'}
          </p>
        ) : null}
        {n.status !== 'closed' && access.can('quality.manage') ? (
          <form onSubmit={onCorrective} className="form-grid">
            <Field label={t('nc.correctiveAction')} error={corrError?.fieldErrors.action}>
              <textarea name="action" defaultValue={n.correctiveAction} rows={2} />
            </Field>
            <Field label={t('nc.owner')} error={corrError?.fieldErrors.ownerUserId}>
              <select name="owner" defaultValue={n.correctiveOwner?.id ?? me.data?.user.id ?? ''}>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('nc.due')} error={corrError?.fieldErrors.dueAt}>
              <input
                type="date"
                name="due"
                defaultValue={dateInputValue(n.correctiveDueAt ?? new Date(Date.now() + 14 * 86_400_000))}
              />
            </Field>
            <button type="submit" className="btn" disabled={corrective.isPending}>
              {t('nc.saveCorrective')}
            </button>
            {corrError?.formError ? <p className="notice notice--error">{corrError.formError}</p> : null}
          </form>
        ) : null}
        {n.status === 'dispositioned' && access.can('quality.approve') ? (
          <p>
            <button
              type="button"
              className="btn"
              disabled={close.isPending}
              onClick={() => close.mutate({ id: n.id })}
              title={t('nc.closeHint')}
            >
              {t('nc.close')}
            </button>
            {close.error ? (
              <span className="notice notice--error">{apiError(close.error).formError}</span>
            ) : null}
          </p>
        ) : null}
      </section>
    </>
  );
}
