'use client';

import Link from 'next/link';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../orders/format.ts';
import { tileIdentity, tileValues } from './key-tags.ts';
import styles from './live-view.module.css';
import { tagLabel } from './tag-label.ts';
import type { TLiveTile } from './use-plant-live.ts';

/** One equipment: state colour, key values, the piece it works on, and how fresh the data is. */
export function LiveTile({
  tile,
  plantId,
  at,
  staleAfterMs,
  timeZone,
}: {
  tile: TLiveTile;
  plantId: string;
  at: number;
  staleAfterMs: number;
  timeZone: string;
}) {
  const { t, locale } = useI18n();
  const stale = tile.lastTs === null || at - tile.lastTs.getTime() > staleAfterMs;
  const values = tileValues(tile.class, tile.values);
  const identity = tileIdentity(tile.values);
  const number = (v: number | null, digits: number) =>
    v === null
      ? '—'
      : new Intl.NumberFormat(locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }).format(v);
  const stateClass = styles[tile.state] ?? styles.unknown;
  return (
    <article
      className={`${styles.tile} ${stateClass} ${stale ? styles.stale : ''}`}
      data-testid={`live-tile-${tile.code}`}
      data-state={tile.state}
      data-stale={stale ? 'true' : 'false'}
      aria-label={`${tile.code} ${tile.name}: ${t(`live.state.${tile.state}`)}${stale ? `, ${t('live.stale')}` : ''}`}
    >
      <div className={styles.head}>
        <span className={styles.code}>{tile.code}</span>
        <span className={styles.state}>{t(`live.state.${tile.state}`)}</span>
      </div>
      <div className={styles.name}>
        {tile.name} · {t(`equipmentClass.${tile.class}`)}
      </div>
      {values.length > 0 ? (
        <dl className={styles.values}>
          {values.map((v) => (
            <div key={v.tag} style={{ display: 'contents' }}>
              <dt>{tagLabel(t, v.tag)}</dt>
              <dd
                data-testid={`live-value-${tile.code}-${v.tag}`}
                title={v.value.quality !== 'good' ? v.value.quality : undefined}
              >
                {number(v.value.value, v.digits)} {v.unit}
                {v.value.quality === 'bad' ? ' ⚠' : ''}
              </dd>
            </div>
          ))}
          {identity ? (
            <>
              <dt>{t(`live.id.${identity.tag}`)}</dt>
              <dd data-testid={`live-id-${tile.code}`}>{identity.text}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className={styles.name}>{t('live.noData')}</p>
      )}
      {values.length > 0 ? (
        <Link
          className={styles.trendLink}
          href={`/trends?plant=${encodeURIComponent(plantId)}&series=${encodeURIComponent(
            values.map((v) => `${tile.code}/${v.tag}`).join(','),
          )}`}
          data-testid={`live-trend-${tile.code}`}
        >
          {t('live.openTrend')}
        </Link>
      ) : null}
      <div className={styles.foot}>
        {stale ? <span className={styles.staleNote}>{t('live.stale')} · </span> : null}
        {tile.lastTs
          ? t('live.lastSample', { time: formatDateTime(tile.lastTs, locale, timeZone) })
          : t('live.never')}
      </div>
    </article>
  );
}
