'use client';

import { LOT_KINDS, LOT_STATUSES, type TLotKind, type TLotStatus } from '@ingot/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatDateTime, formatNumber } from '../orders/format.ts';
import { StatusChip } from '../orders/status-chips.tsx';
import '../orders/production.css';
import { alloyTemper } from './lot-format.ts';
import type { TLotHit, TLotItem } from './types.ts';

/** Lots of the member's plants: the traceability search (lot, heat, cast, work order, order) or a filtered list. */
export function LotsView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const plants = useQuery(trpc.plant.list.queryOptions());
  const [q, setQ] = useState('');
  const [plantId, setPlantId] = useState('');
  const [status, setStatus] = useState<TLotStatus | ''>('');
  const [kind, setKind] = useState<TLotKind | ''>('');

  const search = useQuery({
    ...trpc.lot.search.queryOptions({ q, ...(plantId ? { plantId } : {}), limit: 50 }),
    enabled: q.length >= 2,
  });
  const listInput = {
    limit: 50,
    ...(plantId ? { plantId } : {}),
    ...(status ? { status: [status] } : {}),
    ...(kind ? { kind } : {}),
  };
  const list = useInfiniteQuery({
    ...trpc.lot.list.infiniteQueryOptions(listInput, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
    enabled: q.length < 2,
  });

  const onSearch = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setQ(String(f.get('q') ?? '').trim());
  };

  const rows: (TLotItem | TLotHit)[] =
    q.length >= 2 ? (search.data ?? []) : (list.data?.pages.flatMap((p) => p.items) ?? []);
  const error = q.length >= 2 ? search.error : list.error;
  const loading = q.length >= 2 ? search.isLoading : list.isLoading;

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('lots.title')}</h1>
          <p>{t('lots.subtitle')}</p>
        </div>
      </div>

      <form className="filters card card-pad" onSubmit={onSearch}>
        <div className="filters__wide">
          <Field label={t('lots.search')} hint={t('lots.searchHint')}>
            <input name="q" type="search" defaultValue={q} autoComplete="off" data-testid="lot-search" />
          </Field>
        </div>
        <Field label={t('prod.plant')}>
          <select value={plantId} onChange={(e) => setPlantId(e.target.value)} data-testid="lot-plant">
            <option value="">{t('prod.allPlants')}</option>
            {plants.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('prod.status')}>
          <select value={status} onChange={(e) => setStatus(e.target.value as TLotStatus | '')}>
            <option value="">{t('prod.all')}</option>
            {LOT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`lotStatus.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('lots.kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as TLotKind | '')}>
            <option value="">{t('prod.all')}</option>
            {LOT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`lotKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="filters__buttons">
          <button type="submit" className="btn btn-primary" data-testid="lot-search-submit">
            {t('prod.search')}
          </button>
          {q ? (
            <button type="button" className="btn" onClick={() => setQ('')}>
              {t('lots.clearSearch')}
            </button>
          ) : null}
        </div>
      </form>

      {q.length === 1 ? <p className="notice">{t('lots.searchHint')}</p> : null}
      {q.length >= 2 ? <h2 className="muted">{t('lots.searchResults', { q })}</h2> : null}
      {loading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {error ? <p className="notice notice--error">{apiError(error).formError}</p> : null}
      {!loading && !error && rows.length === 0 ? <p className="notice">{t('lots.empty')}</p> : null}

      {rows.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="lot-table">
            <thead>
              <tr>
                <th scope="col">{t('lots.lotNo')}</th>
                <th scope="col">{t('lots.kind')}</th>
                <th scope="col">{t('prod.status')}</th>
                <th scope="col">{t('lots.alloyTemper')}</th>
                <th scope="col" className="num">
                  {t('lots.weight')}
                </th>
                <th scope="col">{t('lots.heatCast')}</th>
                <th scope="col">{t('lots.location')}</th>
                <th scope="col">{t('lots.workOrder')}</th>
                {q.length >= 2 ? <th scope="col">{t('lots.matchedBy')}</th> : null}
                <th scope="col">{t('lots.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id} data-testid={`lot-${l.lotNo}`}>
                  <td>
                    <Link href={`/lots/${l.id}`} className="mono">
                      {l.lotNo}
                    </Link>
                  </td>
                  <td>{t(`lotKind.${l.kind}`)}</td>
                  <td>
                    <StatusChip kind="lotStatus" status={l.status} />
                  </td>
                  <td>{alloyTemper(l.alloyCode, l.temperCode)}</td>
                  <td className="num">{formatNumber(l.weightKg, locale, 1)}</td>
                  <td className="mono">{[l.heatNo, l.castNo].filter(Boolean).join(' / ') || '—'}</td>
                  <td>{l.location || '—'}</td>
                  <td className="mono">{l.workOrderNo ?? '—'}</td>
                  {q.length >= 2 && 'matchedBy' in l ? <td>{t(`lots.match.${l.matchedBy}`)}</td> : null}
                  <td>{formatDateTime(l.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {q.length < 2 && list.hasNextPage ? (
        <p>
          <button
            type="button"
            className="btn"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? t('common.loading') : t('prod.more')}
          </button>
        </p>
      ) : null}
    </>
  );
}
