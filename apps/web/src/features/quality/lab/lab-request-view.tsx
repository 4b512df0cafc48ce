'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../../trpc/react.tsx';
import { useApiError } from '../../../trpc/use-api-error.ts';
import { formatDateTime } from '../../orders/format.ts';
import { StatusChip } from '../../orders/status-chips.tsx';
import { useAccess } from '../../use-access.ts';
import styles from './lab.module.css';
import { characteristicKey, formatLimits } from './lab-format.ts';

const OPEN_FOR_RESULTS = new Set(['received', 'results_entered', 'evaluated']);

/**
 * One inspection request: samples with the label PDF, the characteristics with their limits and each sample's current
 * result (entered in the grid or imported from an instrument CSV, judged pass/fail), the history of results with
 * corrections, and the quality engineer's approval (release or hold).
 */
export function LabRequestView({ requestId }: { requestId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apiError = useApiError();
  const access = useAccess();
  const request = useQuery(trpc.lab.get.queryOptions({ id: requestId }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.lab.pathKey() });
  const [notice, setNotice] = useState<string | null>(null);
  const onStored = (out: { stored: number }) => {
    setNotice(t('lab.stored', { n: out.stored }));
    refresh();
  };
  const sampling = useMutation(trpc.lab.confirmSampling.mutationOptions({ onSuccess: refresh }));
  const enter = useMutation(trpc.lab.enterResults.mutationOptions({ onSuccess: onStored }));
  const importCsv = useMutation(trpc.lab.importResults.mutationOptions({ onSuccess: onStored }));
  const approve = useMutation(trpc.lab.approve.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.lab.cancel.mutationOptions({ onSuccess: refresh }));
  const [note, setNote] = useState('');

  if (request.isLoading) return <p aria-live="polite">{t('common.loading')}</p>;
  if (request.error || !request.data) {
    return <p className="notice notice--error">{apiError(request.error).formError}</p>;
  }
  const r = request.data;
  const current = r.results.filter((x) => x.supersededById === null);
  const resultOf = (sampleId: string, characteristicId: string) =>
    current.find((x) => x.sampleId === sampleId && x.characteristicId === characteristicId);
  const canWork = access.can('lab.work') && OPEN_FOR_RESULTS.has(r.status);

  const onResults = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const results = [];
    for (const [name, raw] of form.entries()) {
      const text = String(raw).trim();
      if (!name.includes('|') || text === '') continue;
      const [sampleId, characteristicId] = name.split('|') as [string, string];
      const now = resultOf(sampleId, characteristicId);
      results.push({
        sampleId,
        characteristicId,
        value: Number(text.replace(',', '.')),
        ...(now ? { supersedesId: now.id } : {}),
      });
    }
    if (results.length > 0) enter.mutate({ requestId: r.id, results });
    e.currentTarget.reset();
  };
  const onCsv = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) return;
    importCsv.mutate({ requestId: r.id, fileName: file.name, csv: await file.text() });
  };
  const enterError = enter.error ? apiError(enter.error).formError : null;
  const csvError = importCsv.error ? apiError(importCsv.error) : null;

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title" className="mono">
            {r.requestNo}
          </h1>
          <p>
            <span className={`chip chip--${r.status}`} data-status={r.status} data-testid="request-status">
              {t(`lab.st.${r.status}`)}
            </span>{' '}
            {r.verdict ? (
              <span
                className={`chip chip--${r.verdict}`}
                data-testid="request-verdict"
                data-verdict={r.verdict}
              >
                {t(`lab.verdict.${r.verdict as 'pass' | 'fail'}`)}
              </span>
            ) : null}{' '}
            {t('lab.lot')}{' '}
            <Link href={`/lots/${r.lot.id}`} className="mono">
              {r.lot.lotNo}
            </Link>{' '}
            <StatusChip kind="lotStatus" status={r.lot.status} testId="request-lot-status" /> ·{' '}
            {t('lab.plan')} {r.plan.code}
            {r.operation ? ` · ${r.operation.workOrderNo} ${r.operation.operationCode}` : ''}
          </p>
        </div>
        <div className={styles.actions}>
          <a
            className="btn"
            href={`/api/lab/labels/${r.id}`}
            target="_blank"
            rel="noopener"
            data-testid="labels-pdf"
          >
            {t('lab.labels')}
          </a>
          {r.status === 'requested' && access.can('lab.work') ? (
            <button
              type="button"
              className="btn"
              disabled={sampling.isPending}
              onClick={() => sampling.mutate({ id: r.id })}
              data-testid="confirm-sampling"
            >
              {t('lab.confirmSampling')}
            </button>
          ) : null}
        </div>
      </div>
      {notice ? (
        <output className="notice" data-testid="lab-notice">
          {notice}
        </output>
      ) : null}

      <section className="card card-pad">
        <h2>{t('lab.limits')}</h2>
        <form onSubmit={onResults} data-testid="results-form">
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('lab.characteristic')}</th>
                  <th scope="col">{t('lab.limit')}</th>
                  <th scope="col">{t('lab.source')}</th>
                  {r.sampleList.map((s) => (
                    <th scope="col" key={s.id} className="mono">
                      {s.sampleNo}
                      <br />
                      <small className="muted">
                        {s.position} · {s.receivedAt ? formatDateTime(s.receivedAt, locale) : '—'}
                      </small>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.limits.map((l) => {
                  const key = characteristicKey(l);
                  return (
                    <tr key={l.characteristicId}>
                      <th scope="row">
                        {t(`qchar.${l.code}`)}
                        {l.element ? ` ${l.element}` : ''}
                      </th>
                      <td>
                        {formatLimits(l) ?? (
                          <span className="notice--error">
                            {t('lab.unresolved', { why: l.unresolved ?? '' })}
                          </span>
                        )}
                      </td>
                      <td className="muted">{l.source}</td>
                      {r.sampleList.map((s) => {
                        const now = resultOf(s.id, l.characteristicId);
                        return (
                          <td key={s.id} data-testid={`cell-${key}-${s.sampleNo}`}>
                            {now ? (
                              <span
                                className={`chip chip--${now.verdict}`}
                                data-verdict={now.verdict}
                                data-testid={`verdict-${key}-${s.sampleNo}`}
                              >
                                {now.value} · {t(`lab.verdict.${now.verdict as 'pass' | 'fail'}`)}
                              </span>
                            ) : null}
                            {canWork && s.receivedAt ? (
                              <input
                                name={`${s.id}|${l.characteristicId}`}
                                inputMode="decimal"
                                aria-label={`${key} ${s.sampleNo}${now ? ` (${t('lab.correction')})` : ''}`}
                                placeholder={now ? t('lab.correction') : l.unit}
                                className={styles.value}
                                data-testid={`result-${key}-${s.sampleNo}`}
                              />
                            ) : null}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {canWork ? (
            <button
              type="submit"
              className="btn btn-primary"
              disabled={enter.isPending}
              data-testid="save-results"
            >
              {t('lab.saveResults')}
            </button>
          ) : null}
          {enterError ? <p className="notice notice--error">{enterError}</p> : null}
        </form>
      </section>

      {canWork ? (
        <section className="card card-pad">
          <h2>{t('lab.csv')}</h2>
          <p className="muted">{t('lab.csvHint')}</p>
          <form onSubmit={(e) => void onCsv(e)} className={styles.actions}>
            <input type="file" name="file" accept=".csv,text/csv" data-testid="csv-file" />
            <button type="submit" className="btn" disabled={importCsv.isPending} data-testid="csv-import">
              {t('lab.csvImport')}
            </button>
          </form>
          {csvError ? (
            <pre className="notice notice--error" data-testid="csv-error">
              {(csvError.fieldErrors.csv ?? csvError.formError ?? '').replaceAll('; ', '\n')}
            </pre>
          ) : null}
        </section>
      ) : null}

      <section className="card card-pad">
        <h2>{t('lab.results')}</h2>
        {r.results.length === 0 ? <p className="muted">{t('lab.noResults')}</p> : null}
        {r.results.length > 0 ? (
          <table className="data" data-testid="results-history">
            <thead>
              <tr>
                <th scope="col">{t('lab.sample')}</th>
                <th scope="col">{t('lab.characteristic')}</th>
                <th scope="col" className="num">
                  {t('lab.value')}
                </th>
                <th scope="col">{t('lab.verdict')}</th>
                <th scope="col">{t('lab.source')}</th>
                <th scope="col">{t('lab.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {r.results.map((x) => {
                const l = r.limits.find((y) => y.characteristicId === x.characteristicId);
                return (
                  <tr key={x.id} className={x.supersededById ? styles.superseded : undefined}>
                    <td className="mono">{x.sampleNo}</td>
                    <td>{l ? characteristicKey(l) : '—'}</td>
                    <td className="num">
                      {x.value} {l?.unit}
                    </td>
                    <td>
                      {t(`lab.verdict.${x.verdict as 'pass' | 'fail'}`)}
                      {x.supersededById ? ` (${t('lab.superseded')})` : ''}
                    </td>
                    <td>{x.source}</td>
                    <td>{formatDateTime(x.enteredAt, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>

      {r.nonconformances.length > 0 ? (
        <section className="card card-pad">
          <h2>{t('lab.nonconformances')}</h2>
          <ul>
            {r.nonconformances.map((n) => (
              <li key={n.id}>
                <Link
                  href={`/quality/nonconformances/${n.id}`}
                  className="mono"
                  data-testid={`nc-link-${n.defectCode}`}
                >
                  {n.ncNo}
                </Link>{' '}
                {n.defectCode} · {t(`nc.st.${n.status as 'open'}`)}
                {n.disposition ? ` · ${t(`nc.disp.${n.disposition as 'rework'}`)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card card-pad">
        <h2>{t('lab.approve')}</h2>
        {r.decision && r.decidedAt ? (
          <p data-testid="decision">
            {t('lab.decided', {
              at: formatDateTime(r.decidedAt, locale),
              decision: t(`lab.decision.${r.decision as 'release' | 'hold'}`),
            })}
          </p>
        ) : null}
        {r.status === 'evaluated' && access.can('quality.approve') ? (
          <div className={styles.actions}>
            <input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('lab.note')}
              aria-label={t('lab.note')}
            />
            <button
              type="button"
              className="btn btn-primary"
              disabled={approve.isPending}
              onClick={() => approve.mutate({ id: r.id, decision: 'release', note })}
              data-testid="approve-release"
            >
              {t('lab.release')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={approve.isPending}
              onClick={() => approve.mutate({ id: r.id, decision: 'hold', note })}
              data-testid="approve-hold"
            >
              {t('lab.hold')}
            </button>
          </div>
        ) : null}
        {approve.error ? <p className="notice notice--error">{apiError(approve.error).formError}</p> : null}
        {!['approved', 'rejected', 'cancelled'].includes(r.status) && access.can('quality.approve') ? (
          <p>
            <button
              type="button"
              className="btn"
              disabled={cancel.isPending}
              onClick={() => {
                const reason = window.prompt(t('lab.cancelReason'));
                if (reason?.trim()) cancel.mutate({ id: r.id, reason });
              }}
              data-testid="cancel-request"
            >
              {t('lab.cancel')}
            </button>
          </p>
        ) : null}
        {cancel.error ? <p className="notice notice--error">{apiError(cancel.error).formError}</p> : null}
      </section>
    </>
  );
}
