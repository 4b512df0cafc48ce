'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/field.tsx';
import { useI18n } from '../../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../../trpc/react.tsx';
import { useApiError } from '../../../trpc/use-api-error.ts';
import { alloyTemper, formatDimensions } from '../../lots/lot-format.ts';
import { formatDateTime, formatNumber } from '../../orders/format.ts';
import styles from './trace.module.css';

/** The trend page of one machine over one operation's window (telemetry), in the trend page's own parameters. */
function trendHref(
  plantId: string,
  equipmentCode: string,
  from: Date | string,
  to: Date | string | null,
): string {
  const q = new URLSearchParams({
    plant: plantId,
    equipment: equipmentCode,
    from: new Date(from).toISOString(),
    to: new Date(to ?? Date.now()).toISOString(),
  });
  return `/trends?${q.toString()}`;
}

/**
 * Traceability from one search box (coil/lot number, heat number, order number): the matching lots, then for the
 * chosen one its genealogy backward (cast/heat, ingot chemistry, each operation with machine, times, operator reports
 * and — when telemetry runs — a link to that operation's trend) and forward (slit coils, shipments, customers,
 * certificates).
 */
export function TraceView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const [q, setQ] = useState('');
  const [lotId, setLotId] = useState<string | undefined>(undefined);
  const trace = useQuery({
    ...trpc.lot.trace.queryOptions({ q, ...(lotId ? { lotId } : {}) }),
    enabled: q.length >= 2,
  });
  const onSearch = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setLotId(undefined);
    setQ(String(new FormData(e.currentTarget).get('q') ?? '').trim());
  };
  const data = trace.data;
  const g = data?.genealogy ?? null;
  const lots = g?.lots ?? [];
  const backward = lots.filter((l) => l.depth <= 0);
  const forward = lots.filter((l) => l.depth >= 0);
  const operationOf = new Map((data?.operations ?? []).map((o) => [o.operationId, o]));
  const inspectionsOf = (id: string) => (data?.inspections ?? []).filter((i) => i.lotId === id);
  const certificatesOf = (id: string) => (data?.certificates ?? []).filter((c) => c.lotIds.includes(id));

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('trace.title')}</h1>
          <p>{t('trace.subtitle')}</p>
        </div>
      </div>
      <form className="filters card card-pad" onSubmit={onSearch}>
        <div className="filters__wide">
          <Field label={t('trace.search')}>
            <input name="q" type="search" defaultValue={q} autoComplete="off" data-testid="trace-search" />
          </Field>
        </div>
        <div className="filters__buttons">
          <button type="submit" className="btn btn-primary" data-testid="trace-submit">
            {t('trace.submit')}
          </button>
        </div>
      </form>
      {q.length === 1 ? <p className="notice">{t('lots.searchHint')}</p> : null}
      {trace.isLoading && q.length >= 2 ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {trace.error ? <p className="notice notice--error">{apiError(trace.error).formError}</p> : null}
      {data && data.hits.length === 0 && !g ? <p className="notice">{t('trace.noHits', { q })}</p> : null}

      {data && data.hits.length > 0 ? (
        <section className={styles.hits} aria-label={t('trace.hits')}>
          <h2 className="muted">{t('trace.hits')}</h2>
          <div className={styles.hitList}>
            {data.hits.map((h) => (
              <button
                key={h.id}
                type="button"
                className={`btn btn-sm ${h.id === g?.rootLotId ? 'btn-primary' : ''}`}
                aria-pressed={h.id === g?.rootLotId}
                onClick={() => setLotId(h.id)}
                data-testid={`trace-hit-${h.lotNo}`}
              >
                <span className="mono">{h.lotNo}</span> · {t(`lotKind.${h.kind}`)}
              </button>
            ))}
          </div>
        </section>
      ) : null}

      {g ? (
        <>
          {g.truncated ? <p className="notice notice--warn">{t('trace.truncated')}</p> : null}
          <h2>{t('trace.backward')}</h2>
          <div className="table-wrap card">
            <table className="data" data-testid="trace-backward">
              <thead>
                <tr>
                  <th scope="col">{t('trace.depth')}</th>
                  <th scope="col">{t('trace.lot')}</th>
                  <th scope="col">{t('lots.heatCast')}</th>
                  <th scope="col">{t('lots.alloyTemper')}</th>
                  <th scope="col">{t('trace.producedBy')}</th>
                  <th scope="col">{t('trace.reports')}</th>
                  <th scope="col">{t('trace.lab')}</th>
                </tr>
              </thead>
              <tbody>
                {backward.map((l) => {
                  const op = l.producedBy ? operationOf.get(l.producedBy.operationId) : undefined;
                  return (
                    <tr
                      key={l.id}
                      data-testid={`trace-back-${l.lotNo}`}
                      className={l.depth === 0 ? styles.root : undefined}
                    >
                      <td className="num">{l.depth}</td>
                      <td>
                        <Link href={`/lots/${l.id}`} className="mono">
                          {l.lotNo}
                        </Link>
                        <div className="muted">
                          {t(`lotKind.${l.kind}`)} · {formatNumber(l.weightKg, locale, 0)} kg ·{' '}
                          {formatDimensions(l.dimensions)}
                        </div>
                      </td>
                      <td className="mono">{[l.heatNo, l.castNo].filter(Boolean).join(' / ') || '—'}</td>
                      <td>{alloyTemper(l.alloyCode, l.temperCode)}</td>
                      <td>
                        {l.producedBy ? (
                          <>
                            <span className="mono">{l.producedBy.operationCode}</span> ·{' '}
                            {l.producedBy.workOrderNo}
                            <div className="muted">
                              {t('trace.equipment')}: {l.producedBy.equipmentCode ?? '—'}
                            </div>
                            <div className="muted">
                              {l.producedBy.actualStart
                                ? formatDateTime(l.producedBy.actualStart, locale)
                                : '—'}{' '}
                              →{' '}
                              {l.producedBy.actualEnd ? formatDateTime(l.producedBy.actualEnd, locale) : '—'}
                            </div>
                            {data?.telemetry && l.producedBy.equipmentCode && l.producedBy.actualStart ? (
                              <Link
                                href={trendHref(
                                  l.plantId,
                                  l.producedBy.equipmentCode,
                                  l.producedBy.actualStart,
                                  l.producedBy.actualEnd,
                                )}
                                data-testid={`trace-trend-${l.lotNo}`}
                              >
                                {t('trace.trend')}
                              </Link>
                            ) : null}
                          </>
                        ) : (
                          t('trace.none')
                        )}
                      </td>
                      <td>
                        {op && op.reports.length > 0 ? (
                          <ul className={styles.compact}>
                            {op.reports.map((r) => (
                              <li key={`${r.kind}-${String(r.at)}`}>
                                {formatDateTime(r.at, locale)} · {r.kind}
                                {r.goodT || r.scrapT
                                  ? ` · ${formatNumber(r.goodT, locale)} / ${formatNumber(r.scrapT, locale)} t`
                                  : ''}
                                {r.note ? ` · ${r.note}` : ''}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          t('trace.none')
                        )}
                      </td>
                      <td>
                        <LabResults inspections={inspectionsOf(l.id)} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <h2>{t('trace.forward')}</h2>
          <div className="table-wrap card">
            <table className="data" data-testid="trace-forward">
              <thead>
                <tr>
                  <th scope="col">{t('trace.depth')}</th>
                  <th scope="col">{t('trace.lot')}</th>
                  <th scope="col">{t('prod.status')}</th>
                  <th scope="col">{t('trace.shipments')}</th>
                  <th scope="col">{t('trace.certificates')}</th>
                </tr>
              </thead>
              <tbody>
                {forward.map((l) => (
                  <tr
                    key={l.id}
                    data-testid={`trace-fwd-${l.lotNo}`}
                    className={l.depth === 0 ? styles.root : undefined}
                  >
                    <td className="num">{l.depth}</td>
                    <td>
                      <Link href={`/lots/${l.id}`} className="mono">
                        {l.lotNo}
                      </Link>
                      <div className="muted">
                        {t(`lotKind.${l.kind}`)} · {formatDimensions(l.dimensions)}
                      </div>
                    </td>
                    <td>{t(`lotStatus.${l.status}`)}</td>
                    <td>
                      {l.shipments.length > 0 ? (
                        <ul className={styles.compact}>
                          {l.shipments.map((s) => (
                            <li key={s.shipmentNo}>
                              <span className="mono">{s.shipmentNo}</span> · {s.orderNo} · {s.customerName} ·{' '}
                              {formatDateTime(s.shippedAt, locale)}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        t('trace.none')
                      )}
                    </td>
                    <td>
                      {certificatesOf(l.id).length > 0 ? (
                        <ul className={styles.compact}>
                          {certificatesOf(l.id).map((c) => (
                            <li key={c.id}>
                              <a href={`/api/certificates/${c.id}/pdf`} className="mono">
                                {c.certNo}
                              </a>{' '}
                              · {t(c.status === 'revoked' ? 'cert.status.revoked' : 'cert.status.valid')}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        t('trace.none')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}

type TInspection = {
  requestNo: string;
  status: string;
  verdict: string | null;
  results: Array<{ code: string; element: string; unit: string; value: number; verdict: string }>;
};

function LabResults({ inspections }: { inspections: TInspection[] }) {
  const { t } = useI18n();
  if (inspections.length === 0) return <>{t('trace.none')}</>;
  return (
    <ul className={styles.compact}>
      {inspections.map((i) => (
        <li key={i.requestNo}>
          <span className="mono">{i.requestNo}</span> · {i.status}
          {i.verdict ? ` · ${i.verdict}` : ''}
          <div className={styles.results}>
            {i.results.map((r, k) => (
              <span
                key={`${r.code}-${r.element}-${k}`}
                className={r.verdict === 'fail' ? styles.fail : undefined}
              >
                {r.code === 'chemistry' ? r.element : r.code} {r.value}
                {r.unit ? ` ${r.unit}` : ''}
              </span>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
