'use client';

import {
  MAX_TREND_SERIES,
  MAX_TREND_SPAN_MS,
  MAX_TREND_WIDTH_PX,
  MIN_TREND_SPAN_MS,
  TREND_RANGE_PRESETS,
  type TTrendSeriesRef,
  ZTrendSeriesRef,
} from '@ingot/contracts';
import { TrendChart, type TTimeWindow, type TTrendSeries, trendColor } from '@ingot/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { tagLabel } from '../live/tag-label.ts';
import styles from './trends-view.module.css';

const HOUR = 3_600_000;

/** A bucket width as people say it: 10 s, 5 min, 6 h, 1 d. */
export function formatBucket(ms: number): string {
  if (ms % (24 * HOUR) === 0) return `${ms / (24 * HOUR)} d`;
  if (ms % HOUR === 0) return `${ms / HOUR} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}
// The chart box padding (24) and the plot margins of TrendChart (64 + 16): the query asks one bucket per plot pixel.
const CHART_PADDING_PX = 104;

/** `CM-1/exit_thickness,CM-1/strip_speed` -> the valid refs among them, at most MAX_TREND_SERIES, no repeats. */
export function parseSeriesParam(param: string | null): TTrendSeriesRef[] {
  const out: TTrendSeriesRef[] = [];
  for (const part of (param ?? '').split(',')) {
    const cut = part.indexOf('/');
    const ref = ZTrendSeriesRef.safeParse({ equipment: part.slice(0, cut), tag: part.slice(cut + 1) });
    if (cut <= 0 || !ref.success) continue;
    if (out.some((r) => r.equipment === ref.data.equipment && r.tag === ref.data.tag)) continue;
    if (out.length < MAX_TREND_SERIES) out.push(ref.data);
  }
  return out;
}

/** Width of an element, followed as it resizes. */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(320, Math.floor(entry.contentRect.width)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

/** The window named by `from`/`to` (ISO) when both are valid and in order, else the last hour. */
function windowParam(from: string | null, to: string | null): TTimeWindow {
  const f = from ? Date.parse(from) : Number.NaN;
  const t = to ? Date.parse(to) : Number.NaN;
  if (Number.isFinite(f) && Number.isFinite(t) && f < t) return { from: f, to: t };
  const now = Date.now();
  return { from: now - HOUR, to: now };
}

/** Trends: several tags of a plant over one hour to ninety days, downsampled by the store, zoom and pan. */
export function TrendsView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const plants = useQuery(trpc.plant.list.queryOptions());
  const plantId = params.get('plant') ?? plants.data?.[0]?.id ?? null;
  const catalogue = useQuery({
    ...trpc.telemetry.tags.queryOptions({ plantId: plantId ?? '' }),
    enabled: !!plantId,
  });

  // `?series=CM-1/exit_thickness,CM-1/strip_speed` (the live view's tiles link here) preselects tags;
  // `?equipment=CM-1&from=<ISO>&to=<ISO>` (traceability: one operation's machine and window) preselects the machine
  // and the window.
  const [chosen, setChosen] = useState<TTrendSeriesRef[]>(() => parseSeriesParam(params.get('series')));
  const [equipment, setEquipment] = useState(() => params.get('equipment') ?? '');
  const [tag, setTag] = useState('');
  const [window, setWindow] = useState<TTimeWindow>(() => windowParam(params.get('from'), params.get('to')));
  const [boxRef, boxWidth] = useWidth<HTMLDivElement>();
  const widthPx = Math.min(MAX_TREND_WIDTH_PX, Math.max(2, boxWidth - CHART_PADDING_PX));

  // Another plant starts with its own tags (the first plant known is not a change).
  const shownPlant = useRef(plantId);
  useEffect(() => {
    if (shownPlant.current === null || shownPlant.current === plantId) {
      shownPlant.current = plantId;
      return;
    }
    shownPlant.current = plantId;
    setChosen([]);
    setEquipment('');
    setTag('');
  }, [plantId]);

  const equipmentList = catalogue.data?.equipment ?? [];
  const tagsOf =
    equipmentList.find((e) => e.code === equipment)?.tags.filter((x) => x.numeric && x.tag !== 'state') ?? [];

  const series = useQuery({
    ...trpc.telemetry.series.queryOptions({
      plantId: plantId ?? '',
      series: chosen,
      from: new Date(window.from),
      to: new Date(window.to),
      widthPx,
    }),
    enabled: !!plantId && chosen.length > 0,
    placeholderData: keepPreviousData,
  });

  const nameOf = useMemo(() => {
    const names = new Map(equipmentList.map((e) => [e.code, e.name]));
    return (ref: TTrendSeriesRef) =>
      `${ref.equipment}${names.get(ref.equipment) ? ` ${names.get(ref.equipment)}` : ''} · ${tagLabel(t, ref.tag)}`;
  }, [equipmentList, t]);

  const chartSeries: TTrendSeries[] = (series.data?.series ?? [])
    .filter((s) => chosen.some((c) => c.equipment === s.equipment && c.tag === s.tag))
    .map((s) => ({
      key: `${s.equipment}/${s.tag}`,
      label: nameOf(s),
      bucketMs: s.bucketMs,
      buckets: s.buckets.map((b) => ({ t: b.ts.getTime(), min: b.min, max: b.max, avg: b.avg })),
    }));

  const add = () => {
    if (!equipment || !tag) return;
    if (chosen.some((c) => c.equipment === equipment && c.tag === tag)) return;
    setChosen([...chosen, { equipment, tag }].slice(0, MAX_TREND_SERIES));
    setTag('');
  };
  const preset = (ms: number) => {
    const now = Date.now();
    setWindow({ from: now - ms, to: now });
  };
  const span = window.to - window.from;
  const timeZone = catalogue.data?.plant.timezone ?? 'Asia/Shanghai';
  const first = series.data?.series[0];

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('trends.title')}</h1>
          <p>{t('trends.subtitle')}</p>
        </div>
      </div>
      <div className={`card card-pad ${styles.controls}`}>
        <Field label={t('telemetry.plant')}>
          <select
            value={plantId ?? ''}
            onChange={(e) => router.replace(`${pathname}?plant=${encodeURIComponent(e.target.value)}`)}
            data-testid="trend-plant"
          >
            {plants.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('trends.equipment')}>
          <select
            value={equipment}
            onChange={(e) => {
              setEquipment(e.target.value);
              setTag('');
            }}
            data-testid="trend-equipment"
          >
            <option value="">{t('trends.chooseEquipment')}</option>
            {equipmentList.map((e) => (
              <option key={e.code} value={e.code}>
                {e.code}
                {e.name ? ` · ${e.name}` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('trends.tag')}>
          <select
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            disabled={!equipment}
            data-testid="trend-tag"
          >
            <option value="">{t('trends.chooseTag')}</option>
            {tagsOf.map((x) => (
              <option key={x.tag} value={x.tag}>
                {tagLabel(t, x.tag)}
                {tagLabel(t, x.tag) !== x.tag ? ` (${x.tag})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <button
          type="button"
          className="btn btn-primary"
          onClick={add}
          disabled={!equipment || !tag || chosen.length >= MAX_TREND_SERIES}
          data-testid="trend-add"
        >
          {t('trends.add')}
        </button>
      </div>
      {catalogue.error ? (
        <p className="notice notice--error" role="alert" data-testid="trend-error">
          {apiError(catalogue.error).code === 'PRECONDITION_FAILED'
            ? t('telemetry.notRunning')
            : apiError(catalogue.error).formError}
        </p>
      ) : null}
      {catalogue.data && equipmentList.length === 0 ? <p className="notice">{t('trends.noTags')}</p> : null}

      {chosen.length > 0 ? (
        <ul className={styles.chosen} aria-label={t('trends.chosen')}>
          {chosen.map((c, i) => (
            <li
              key={`${c.equipment}/${c.tag}`}
              className={styles.chip}
              style={{ borderColor: trendColor(i) }}
            >
              {nameOf(c)}
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-label={t('trends.remove', { name: nameOf(c) })}
                onClick={() => setChosen(chosen.filter((x) => x !== c))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="notice">{t('trends.pickHint', { max: MAX_TREND_SERIES })}</p>
      )}

      <fieldset className={styles.presets}>
        <legend className="visually-hidden">{t('trends.range')}</legend>
        {TREND_RANGE_PRESETS.map((p) => (
          <button
            key={p.key}
            type="button"
            className={`btn btn-sm ${Math.abs(span - p.ms) < 1000 ? 'btn-primary' : ''}`}
            aria-pressed={Math.abs(span - p.ms) < 1000}
            onClick={() => preset(p.ms)}
            data-testid={`trend-range-${p.key}`}
          >
            {t(`trends.preset.${p.key}`)}
          </button>
        ))}
        <button type="button" className="btn btn-sm" onClick={() => preset(span)} data-testid="trend-now">
          {t('trends.toNow')}
        </button>
      </fieldset>

      <div className={`card ${styles.chartBox}`} ref={boxRef}>
        {series.error ? <p className="notice notice--error">{apiError(series.error).formError}</p> : null}
        <TrendChart
          series={chartSeries}
          window={window}
          onWindowChange={setWindow}
          timeZone={timeZone}
          locale={locale}
          width={boxWidth - 24}
          minSpanMs={MIN_TREND_SPAN_MS}
          maxSpanMs={MAX_TREND_SPAN_MS}
          latest={Date.now()}
          labels={{
            chart: t('trends.chart'),
            zoomIn: t('trends.zoomIn'),
            zoomOut: t('trends.zoomOut'),
            panBack: t('trends.panBack'),
            panForward: t('trends.panForward'),
            instructions: t('trends.instructions'),
            noData: chosen.length === 0 ? t('trends.noSeries') : t('trends.noData'),
            axisOf: (s) => t('trends.axisOf', { series: s }),
            windowIs: (from, to) => t('trends.windowIs', { from, to }),
          }}
        />
        <p className={styles.meta} data-testid="trend-meta">
          {series.isFetching ? `${t('common.loading')} · ` : ''}
          {t('trends.timezone', { zone: timeZone })}
          {first
            ? ` · ${first.source === 'raw' ? t('trends.raw') : t('trends.bucket', { size: formatBucket(first.bucketMs) })}`
            : ''}
        </p>
      </div>
    </>
  );
}
