'use client';

import { type KeyboardEvent, type PointerEvent, useId, useMemo, useRef, useState } from 'react';
import {
  panWindow,
  selectionWindow,
  type TTimeWindow,
  timeTickFormat,
  timeTickStep,
  timeTicks,
  valueTicks,
  zoomWindow,
} from './trend-chart-scale.tsx';

/** One downsampled bucket: the band runs from min to max, the line through avg (raw points: all three equal). */
export interface TTrendBucket {
  /** Start of the bucket, epoch ms. */
  t: number;
  min: number | null;
  max: number | null;
  avg: number | null;
}

export interface TTrendSeries {
  key: string;
  label: string;
  unit?: string;
  /** Bucket width in ms (0: raw points). */
  bucketMs: number;
  buckets: readonly TTrendBucket[];
}

/** Every text the chart shows, in the caller's language (the package has no i18n of its own). */
export interface TTrendChartLabels {
  chart: string;
  zoomIn: string;
  zoomOut: string;
  panBack: string;
  panForward: string;
  /** Screen-reader help for the keyboard. */
  instructions: string;
  noData: string;
  /** "axis of {series}" (the legend buttons choose the series the value axis shows). */
  axisOf: (series: string) => string;
  /** Announced after a zoom or pan: the new window, formatted. */
  windowIs: (from: string, to: string) => string;
}

export interface TTrendChartProps {
  series: readonly TTrendSeries[];
  /** The window shown, epoch ms ([from, to)). */
  window: TTimeWindow;
  onWindowChange: (next: TTimeWindow) => void;
  /** IANA zone of the time axis (the plant's). */
  timeZone: string;
  locale: string;
  labels: TTrendChartLabels;
  width: number;
  height?: number;
  minSpanMs: number;
  maxSpanMs: number;
  /** Panning forward stops here (now). */
  latest?: number;
}

const PALETTE = ['#1f6feb', '#d9480f', '#2b8a3e', '#862e9c', '#c2255c', '#0b7285', '#e67700', '#495057'];
const PAD = { left: 64, right: 16, top: 12, bottom: 28 };

/** Colour of the i-th series (also for legends outside the chart). */
export const trendColor = (i: number): string => PALETTE[i % PALETTE.length] as string;

function extent(s: TTrendSeries): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const b of s.buckets) {
    const l = b.min ?? b.avg;
    const h = b.max ?? b.avg;
    if (l !== null && l < lo) lo = l;
    if (h !== null && h > hi) hi = h;
  }
  return [lo, hi];
}

/**
 * Splits a series where data is missing for long: more than ten buckets and a twentieth of the window. Shorter
 * holes are joined, because sources report by exception (deadband): a value that does not move sends nothing.
 */
function segments(s: TTrendSeries, spanMs: number): TTrendBucket[][] {
  const gap = Math.max(10 * s.bucketMs, spanMs / 20);
  const out: TTrendBucket[][] = [];
  let cur: TTrendBucket[] = [];
  let prev: number | null = null;
  for (const b of s.buckets) {
    if (b.avg === null) continue;
    if (prev !== null && b.t - prev > gap) {
      out.push(cur);
      cur = [];
    }
    cur.push(b);
    prev = b.t;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * A time trend as pure SVG: for each series a min/max band and an average line, each scaled to its own value range
 * (the value axis shows the chosen series). Zoom by dragging a range or with the buttons / `+` `-`, pan with the
 * arrow keys or the buttons; every change goes to `onWindowChange` (the caller fetches the new buckets).
 */
export function TrendChart(props: TTrendChartProps) {
  const { series, window, timeZone, locale, labels, width, minSpanMs, maxSpanMs } = props;
  const height = props.height ?? 320;
  const id = useId();
  const [axisKey, setAxisKey] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const svgRef = useRef<SVGSVGElement>(null);

  const plotW = Math.max(10, width - PAD.left - PAD.right);
  const plotH = Math.max(10, height - PAD.top - PAD.bottom);
  const span = window.to - window.from;
  const xOf = (t: number) => PAD.left + ((t - window.from) / span) * plotW;
  const tOf = (x: number) => window.from + ((x - PAD.left) / plotW) * span;

  const fmtAxis = useMemo(() => {
    const step = timeTickStep(span, Math.max(2, Math.floor(plotW / 90)));
    return {
      ticks: timeTicks(window, step, timeZone),
      format: new Intl.DateTimeFormat(locale, timeTickFormat(step, timeZone)),
    };
  }, [span, plotW, window, timeZone, locale]);
  const fmtFull = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }),
    [locale, timeZone],
  );

  const scaled = useMemo(
    () =>
      series.map((s) => {
        const [lo, hi] = extent(s);
        const v = valueTicks(lo, hi);
        const yOf = (x: number) => PAD.top + plotH - ((x - v.lo) / (v.hi - v.lo || 1)) * plotH;
        return { s, v, yOf, hasData: Number.isFinite(lo) };
      }),
    [series, plotH],
  );
  const axis = scaled.find((x) => x.s.key === axisKey) ?? scaled[0];
  const anyData = scaled.some((x) => x.hasData);

  const change = (next: TTimeWindow) => {
    props.onWindowChange(next);
    setAnnounce(labels.windowIs(fmtFull.format(next.from), fmtFull.format(next.to)));
  };
  const zoom = (factor: number, anchor = (window.from + window.to) / 2) =>
    change(zoomWindow(window, factor, anchor, minSpanMs, maxSpanMs));
  const pan = (fraction: number) => change(panWindow(window, fraction, props.latest));

  const localX = (e: PointerEvent<SVGSVGElement>) => {
    const r = svgRef.current?.getBoundingClientRect();
    return r ? e.clientX - r.left : 0;
  };
  const inPlot = (x: number) => x >= PAD.left && x <= PAD.left + plotW;
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    const x = localX(e);
    if (!inPlot(x) || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ a: x, b: x });
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const x = Math.min(PAD.left + plotW, Math.max(PAD.left, localX(e)));
    setHover(inPlot(localX(e)) ? x : null);
    if (drag) setDrag({ a: drag.a, b: x });
  };
  const onPointerUp = () => {
    if (drag && Math.abs(drag.b - drag.a) > 4) change(selectionWindow(tOf(drag.a), tOf(drag.b), minSpanMs));
    setDrag(null);
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const k = e.key;
    if (k === 'ArrowLeft') pan(e.shiftKey ? -1 : -0.25);
    else if (k === 'ArrowRight') pan(e.shiftKey ? 1 : 0.25);
    else if (k === '+' || k === '=' || k === 'ArrowUp') zoom(0.5);
    else if (k === '-' || k === '_' || k === 'ArrowDown') zoom(2);
    else return;
    e.preventDefault();
  };

  // The bucket under the pointer, per series (for the read-out).
  const readout =
    hover === null
      ? []
      : scaled.map(({ s }) => {
          const t = tOf(hover);
          let best: TTrendBucket | null = null;
          for (const b of s.buckets) if (b.t <= t && b.avg !== null) best = b;
          return { s, b: best };
        });

  const fmtValue = (v: number | null) =>
    v === null ? '—' : new Intl.NumberFormat(locale, { maximumSignificantDigits: 5 }).format(v);

  return (
    <div className="trend-chart" data-testid="trend-chart">
      <div className="trend-chart__toolbar" role="toolbar" aria-label={labels.chart}>
        <button type="button" className="btn" onClick={() => pan(-0.25)} data-testid="trend-pan-back">
          ◀ {labels.panBack}
        </button>
        <button type="button" className="btn" onClick={() => zoom(0.5)} data-testid="trend-zoom-in">
          ＋ {labels.zoomIn}
        </button>
        <button type="button" className="btn" onClick={() => zoom(2)} data-testid="trend-zoom-out">
          － {labels.zoomOut}
        </button>
        <button type="button" className="btn" onClick={() => pan(0.25)} data-testid="trend-pan-forward">
          {labels.panForward} ▶
        </button>
        <span className="trend-chart__legend">
          {scaled.map(({ s }, i) => (
            <button
              key={s.key}
              type="button"
              className="btn btn-sm"
              aria-pressed={axis?.s.key === s.key}
              title={labels.axisOf(s.label)}
              onClick={() => setAxisKey(s.key)}
              style={{ borderColor: trendColor(i), fontWeight: axis?.s.key === s.key ? 600 : 400 }}
            >
              <svg width="12" height="12" aria-hidden="true" style={{ marginRight: 4 }}>
                <rect width="12" height="12" fill={trendColor(i)} />
              </svg>
              {s.label}
              {s.unit ? ` (${s.unit})` : ''}
            </button>
          ))}
        </span>
      </div>
      <svg
        ref={svgRef}
        width={width}
        height={height}
        role="application"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the plot is operated by keyboard (arrows pan, +/- zoom)
        tabIndex={0}
        aria-label={labels.chart}
        aria-describedby={`${id}-help`}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setHover(null)}
        style={{ touchAction: 'none', userSelect: 'none', display: 'block', maxWidth: '100%' }}
        data-testid="trend-svg"
      >
        <defs>
          <clipPath id={`${id}-clip`}>
            <rect x={PAD.left} y={PAD.top} width={plotW} height={plotH} />
          </clipPath>
        </defs>
        <rect
          x={PAD.left}
          y={PAD.top}
          width={plotW}
          height={plotH}
          fill="var(--trend-bg, #fff)"
          stroke="#ced4da"
        />
        {fmtAxis.ticks.map((t) => (
          <g key={t}>
            <line x1={xOf(t)} x2={xOf(t)} y1={PAD.top} y2={PAD.top + plotH} stroke="#e9ecef" />
            <text x={xOf(t)} y={height - 8} fontSize="11" textAnchor="middle" fill="#495057">
              {fmtAxis.format.format(t)}
            </text>
          </g>
        ))}
        {axis?.hasData
          ? axis.v.ticks.map((v) => (
              <g key={v}>
                <line
                  x1={PAD.left}
                  x2={PAD.left + plotW}
                  y1={axis.yOf(v)}
                  y2={axis.yOf(v)}
                  stroke="#f1f3f5"
                />
                <text x={PAD.left - 6} y={axis.yOf(v) + 4} fontSize="11" textAnchor="end" fill="#495057">
                  {fmtValue(v)}
                </text>
              </g>
            ))
          : null}
        <g clipPath={`url(#${id}-clip)`}>
          {scaled.map(({ s, yOf }, i) =>
            segments(s, span).map((seg) => {
              const w = s.bucketMs > 0 ? (s.bucketMs / span) * plotW : 0;
              const mid = (b: TTrendBucket) => xOf(b.t) + w / 2;
              const band =
                s.bucketMs > 0
                  ? `${seg.map((b, j) => `${j === 0 ? 'M' : 'L'}${mid(b)},${yOf(b.max ?? (b.avg as number))}`).join('')}${[
                      ...seg,
                    ]
                      .reverse()
                      .map((b) => `L${mid(b)},${yOf(b.min ?? (b.avg as number))}`)
                      .join('')}Z`
                  : null;
              const line = seg
                .map((b, j) => `${j === 0 ? 'M' : 'L'}${mid(b)},${yOf(b.avg as number)}`)
                .join('');
              const color = trendColor(i);
              return (
                <g key={`${s.key}-${seg[0]?.t}`} data-series={s.key}>
                  {band ? <path d={band} fill={color} fillOpacity={0.18} stroke="none" /> : null}
                  <path d={line} fill="none" stroke={color} strokeWidth={1.5} data-testid="trend-line" />
                  {seg.length === 1 ? (
                    <circle
                      cx={mid(seg[0] as TTrendBucket)}
                      cy={yOf(seg[0]?.avg as number)}
                      r={2.5}
                      fill={color}
                    />
                  ) : null}
                </g>
              );
            }),
          )}
        </g>
        {drag ? (
          <rect
            x={Math.min(drag.a, drag.b)}
            y={PAD.top}
            width={Math.abs(drag.b - drag.a)}
            height={plotH}
            fill="#1f6feb"
            fillOpacity={0.12}
            stroke="#1f6feb"
          />
        ) : null}
        {hover !== null && !drag ? (
          <line
            x1={hover}
            x2={hover}
            y1={PAD.top}
            y2={PAD.top + plotH}
            stroke="#868e96"
            strokeDasharray="3 3"
          />
        ) : null}
        {!anyData ? (
          <text
            x={PAD.left + plotW / 2}
            y={PAD.top + plotH / 2}
            textAnchor="middle"
            fill="#868e96"
            fontSize="13"
          >
            {labels.noData}
          </text>
        ) : null}
      </svg>
      <p className="trend-chart__readout" aria-live="off" style={{ minHeight: '1.4em', margin: '4px 0' }}>
        {hover !== null ? (
          <>
            <span className="mono">{fmtFull.format(tOf(hover))}</span>
            {readout.map(({ s, b }, i) => (
              <span key={s.key} style={{ marginLeft: 12, color: trendColor(i) }}>
                {s.label}: {fmtValue(b?.avg ?? null)}
                {b && b.min !== b.max ? ` (${fmtValue(b.min)} … ${fmtValue(b.max)})` : ''}
              </span>
            ))}
          </>
        ) : null}
      </p>
      <p id={`${id}-help`} className="sr-only" style={srOnly}>
        {labels.instructions}
      </p>
      <p className="sr-only" style={srOnly} aria-live="polite">
        {announce}
      </p>
    </div>
  );
}

const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
