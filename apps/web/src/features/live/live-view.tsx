'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { LiveTile } from './live-tile.tsx';
import styles from './live-view.module.css';
import { type TLiveStatus, usePlantLive } from './use-plant-live.ts';

const LEGEND = ['run', 'idle', 'setup', 'maintenance', 'fault', 'unknown'] as const;

/** The live plant view: one tile per equipment of the chosen plant, coloured by state, pushed every second. */
export function LiveView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const plants = useQuery(trpc.plant.list.queryOptions());
  const plantId = params.get('plant') ?? plants.data?.[0]?.id ?? null;
  const { snapshot, status } = usePlantLive(plantId);

  const choose = (id: string) => router.replace(`${pathname}?plant=${encodeURIComponent(id)}`);
  const tiles = snapshot && snapshot.plant.id === plantId ? snapshot.equipment : [];
  const at = snapshot ? snapshot.at.getTime() : Date.now();

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('live.title')}</h1>
          <p>{t('live.subtitle')}</p>
        </div>
      </div>
      <div className={styles.toolbar}>
        <Field label={t('telemetry.plant')}>
          <select value={plantId ?? ''} onChange={(e) => choose(e.target.value)} data-testid="live-plant">
            {plants.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </Field>
        <StatusLine status={status} />
        <ul className={styles.legend} aria-label={t('live.legend')}>
          {LEGEND.map((s) => (
            <li key={s} className={styles[s]}>
              <span className={`${styles.state}`}>{t(`live.state.${s}`)}</span>
            </li>
          ))}
        </ul>
      </div>
      {plants.error ? <p className="notice notice--error">{apiError(plants.error).formError}</p> : null}
      {plants.data?.length === 0 ? <p className="notice">{t('live.noPlants')}</p> : null}
      {status.kind === 'connecting' && plantId ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {snapshot && tiles.length === 0 ? <p className="notice">{t('live.noEquipment')}</p> : null}
      {tiles.length > 0 ? (
        <ul className={styles.grid} data-testid="live-tiles">
          {tiles.map((e) => (
            <li key={e.id}>
              <LiveTile
                tile={e}
                plantId={snapshot?.plant.id ?? ''}
                at={at}
                staleAfterMs={snapshot?.staleAfterMs ?? 30_000}
                timeZone={snapshot?.plant.timezone ?? 'Asia/Shanghai'}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function StatusLine({ status }: { status: TLiveStatus }) {
  const { t } = useI18n();
  switch (status.kind) {
    case 'live':
      return (
        <span className="badge badge--ok" data-testid="live-status" data-status="live">
          ● {t('live.status.live')}
        </span>
      );
    case 'connecting':
    case 'reconnecting':
      return (
        <span className="badge badge--warn" data-testid="live-status" data-status={status.kind}>
          {t(`live.status.${status.kind}`)}
        </span>
      );
    case 'unavailable':
      return (
        <span
          className="badge badge--error"
          data-testid="live-status"
          data-status="unavailable"
          title={status.message}
        >
          {t('live.status.unavailable')}
        </span>
      );
    case 'refused':
      return (
        <p className="notice notice--error" data-testid="live-status" data-status="refused" role="alert">
          {status.status === 412
            ? t('telemetry.notRunning')
            : status.status === 404
              ? t('live.plantNotFound')
              : status.message}
        </p>
      );
  }
}
