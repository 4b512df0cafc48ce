'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { TMessageKey } from '../../i18n/messages.ts';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatDateTime, formatNumber } from '../orders/format.ts';
import { StatusChip } from '../orders/status-chips.tsx';
import '../orders/production.css';
import { alloyTemper, formatDimensions } from './lot-format.ts';
import type { TGenealogyLot, TGenealogyTree } from './types.ts';

function linkLabel(kind: string, t: (k: TMessageKey) => string): string {
  return kind === 'split' || kind === 'merge' || kind === 'transform' ? t(`lots.link.${kind}`) : kind;
}

function GenealogyNode({
  node,
  lots,
  rootId,
}: {
  node: TGenealogyTree;
  lots: ReadonlyMap<string, TGenealogyLot>;
  rootId: string;
}) {
  const { t, locale } = useI18n();
  const lot = lots.get(node.lotId);
  if (!lot) return null;
  return (
    <li className="tree-node" data-testid={`genealogy-${lot.lotNo}`}>
      <div className="tree-row">
        <div className="tree-row__title">
          {node.link ? (
            <span className="badge">
              {linkLabel(node.link.kind, t)} · {formatNumber(node.link.weightKg, locale, 1)} kg
            </span>
          ) : null}
          {lot.id === rootId ? (
            <strong className="mono">{lot.lotNo}</strong>
          ) : (
            <Link href={`/lots/${lot.id}`} className="mono">
              {lot.lotNo}
            </Link>
          )}
          <span>{t(`lotKind.${lot.kind}`)}</span>
          <StatusChip kind="lotStatus" status={lot.status} />
          <span className="muted">
            {alloyTemper(lot.alloyCode, lot.temperCode)} · {formatNumber(lot.weightKg, locale, 1)} kg
            {lot.heatNo
              ? ` · ${t('lots.heatCast')} ${[lot.heatNo, lot.castNo].filter(Boolean).join('/')}`
              : ''}
          </span>
        </div>
        {lot.producedBy || lot.shipments.length > 0 ? (
          <div className="tree-row__attrs">
            {lot.producedBy ? (
              <span>
                {t('lots.producedBy')}: {lot.producedBy.workOrderNo} #{lot.producedBy.seq}{' '}
                {lot.producedBy.operationCode}
                {lot.producedBy.equipmentCode ? ` @ ${lot.producedBy.equipmentCode}` : ''}
                {lot.producedBy.actualEnd ? ` · ${formatDateTime(lot.producedBy.actualEnd, locale)}` : ''}
              </span>
            ) : null}
            {lot.shipments.map((s) => (
              <span key={s.shipmentNo}>
                {' '}
                · {t('lots.shippedIn')}: {s.shipmentNo} → {s.orderNo} {s.customerName} (
                {formatDateTime(s.shippedAt, locale)})
              </span>
            ))}
          </div>
        ) : null}
      </div>
      {node.children.length > 0 ? (
        <ul>
          {node.children.map((c) => (
            <GenealogyNode
              key={`${c.lotId}-${c.link?.parentLotId}-${c.link?.childLotId}`}
              node={c}
              lots={lots}
              rootId={rootId}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** One lot: its data and its genealogy both ways (to the cast it came from, to the lots and shipments it went to). */
export function LotDetailView({ lotId }: { lotId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const lot = useQuery(trpc.lot.get.queryOptions({ id: lotId }));
  const genealogy = useQuery(trpc.lot.genealogy.queryOptions({ id: lotId, direction: 'both', maxDepth: 20 }));
  const lots = new Map((genealogy.data?.lots ?? []).map((l) => [l.id, l]));
  const l = lot.data;

  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <ol>
          <li>
            <Link href="/lots">{t('lots.title')}</Link>
          </li>
          <li aria-current="page">{l?.lotNo ?? '…'}</li>
        </ol>
      </nav>
      {lot.error ? <p className="notice notice--error">{apiError(lot.error).formError}</p> : null}
      {l ? (
        <>
          <div className="page-head">
            <div>
              <h1 data-testid="page-title">{t('lots.detailTitle', { lotNo: l.lotNo })}</h1>
              <p>
                {t(`lotKind.${l.kind}`)} · <StatusChip kind="lotStatus" status={l.status} />
              </p>
            </div>
          </div>
          <dl className="kv card">
            <div>
              <dt>{t('lots.alloyTemper')}</dt>
              <dd>{alloyTemper(l.alloyCode, l.temperCode)}</dd>
            </div>
            <div>
              <dt>{t('lots.weight')}</dt>
              <dd>{formatNumber(l.weightKg, locale, 1)}</dd>
            </div>
            <div>
              <dt>{t('lots.heatCast')}</dt>
              <dd className="mono">{[l.heatNo, l.castNo].filter(Boolean).join(' / ') || '—'}</dd>
            </div>
            <div>
              <dt>{t('lots.dimensions')}</dt>
              <dd>{formatDimensions(l.dimensions)}</dd>
            </div>
            <div>
              <dt>{t('lots.location')}</dt>
              <dd>{l.location || '—'}</dd>
            </div>
            <div>
              <dt>{t('prod.plant')}</dt>
              <dd>{l.plantCode}</dd>
            </div>
            <div>
              <dt>{t('lots.workOrder')}</dt>
              <dd className="mono">
                {l.workOrderNo ?? '—'}
                {l.operationCode ? ` · ${l.operationCode}` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('lots.createdAt')}</dt>
              <dd>{formatDateTime(l.createdAt, locale)}</dd>
            </div>
          </dl>
        </>
      ) : lot.isLoading ? (
        <p aria-live="polite">{t('common.loading')}</p>
      ) : null}

      <section className="section" aria-labelledby="genealogy-title">
        <h2 id="genealogy-title">{t('lots.genealogy')}</h2>
        {genealogy.error ? (
          <p className="notice notice--error">{apiError(genealogy.error).formError}</p>
        ) : null}
        {genealogy.data?.truncated ? <p className="notice notice--warn">{t('lots.truncated')}</p> : null}
        {genealogy.data ? (
          <div className="form-grid">
            <div className="card card-pad">
              <h3>{t('lots.backward')}</h3>
              {genealogy.data.backward && genealogy.data.backward.children.length > 0 ? (
                <ul className="tree" data-testid="genealogy-backward">
                  <GenealogyNode node={genealogy.data.backward} lots={lots} rootId={lotId} />
                </ul>
              ) : (
                <p className="muted">{t('lots.noParents')}</p>
              )}
            </div>
            <div className="card card-pad">
              <h3>{t('lots.forward')}</h3>
              {genealogy.data.forward && genealogy.data.forward.children.length > 0 ? (
                <ul className="tree" data-testid="genealogy-forward">
                  <GenealogyNode node={genealogy.data.forward} lots={lots} rootId={lotId} />
                </ul>
              ) : (
                <p className="muted">{t('lots.noChildren')}</p>
              )}
            </div>
          </div>
        ) : null}
      </section>
    </>
  );
}
