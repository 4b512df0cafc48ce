import { useId } from 'react';

/** One series of a bar chart (stacked on the others). */
export interface TBarSeries {
  key: string;
  label: string;
  color: string;
}

/** One bar: a label on the category axis and a value per series (null: nothing to draw). */
export interface TBarDatum {
  key: string;
  label: string;
  values: Record<string, number | null>;
}

export interface TBarChartLabels {
  /** Title read by screen readers (and shown as the SVG's title). */
  chart: string;
  noData: string;
}

export interface TBarChartProps {
  series: readonly TBarSeries[];
  data: readonly TBarDatum[];
  labels: TBarChartLabels;
  /** Value axis text, e.g. percent for shares. */
  formatValue: (v: number) => string;
  /** Value axis maximum; default the largest stack. */
  max?: number;
  /** A horizontal reference line (a target) at this value. */
  reference?: { value: number; label: string };
  width?: number;
  height?: number;
}

const PAD = { left: 56, right: 16, top: 12, bottom: 40 };

/** Axis values from 0 in a round step (1, 2, 2.5 or 5 times a power of ten), about four steps, the last ≥ max. */
export function barTicks(max: number): number[] {
  if (!(max > 0)) return [0];
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
  const n = Math.ceil(max / step - 1e-9);
  // Rounded to the step's decimals so 0.1 * 3 reads 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toFixed(decimals)));
}

/** A plain stacked bar chart in SVG: categories left to right, series stacked bottom to top. */
export function BarChart({
  series,
  data,
  labels,
  formatValue,
  max,
  reference,
  width = 640,
  height = 240,
}: TBarChartProps) {
  const titleId = useId();
  const stacks = data.map((d) => series.reduce((a, s) => a + (d.values[s.key] ?? 0), 0));
  const ticks = barTicks(max ?? Math.max(0, ...stacks, reference?.value ?? 0));
  const top = ticks.at(-1) ?? 0;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - (top > 0 ? (v / top) * plotH : 0);
  const slot = data.length > 0 ? plotW / data.length : plotW;
  const barW = Math.max(2, Math.min(48, slot * 0.6));
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={titleId}
      style={{ display: 'block', maxWidth: '100%', fontSize: 11 }}
    >
      <title id={titleId}>{labels.chart}</title>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={width - PAD.right} y1={y(v)} y2={y(v)} stroke="#dee2e6" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fill="#495057">
            {formatValue(v)}
          </text>
        </g>
      ))}
      {data.length === 0 ? (
        <text x={PAD.left + plotW / 2} y={PAD.top + plotH / 2} textAnchor="middle" fill="#868e96">
          {labels.noData}
        </text>
      ) : null}
      {data.map((d, i) => {
        const x = PAD.left + i * slot + (slot - barW) / 2;
        let base = 0;
        return (
          <g key={d.key}>
            {series.map((s) => {
              const v = d.values[s.key];
              if (v === null || v === undefined || v <= 0) return null;
              const y0 = y(base);
              base += v;
              const y1 = y(base);
              return (
                <rect key={s.key} x={x} y={y1} width={barW} height={Math.max(0, y0 - y1)} fill={s.color}>
                  <title>{`${d.label} · ${s.label}: ${formatValue(v)}`}</title>
                </rect>
              );
            })}
            <text x={x + barW / 2} y={height - PAD.bottom + 14} textAnchor="middle" fill="#495057">
              {d.label}
            </text>
          </g>
        );
      })}
      {reference && top > 0 ? (
        <g>
          <line
            x1={PAD.left}
            x2={width - PAD.right}
            y1={y(reference.value)}
            y2={y(reference.value)}
            stroke="#c92a2a"
            strokeDasharray="4 3"
          />
          <text x={width - PAD.right} y={y(reference.value) - 4} textAnchor="end" fill="#c92a2a">
            {reference.label}
          </text>
        </g>
      ) : null}
      {series.length > 1
        ? series.map((s, i) => (
            <g key={s.key} transform={`translate(${PAD.left + i * 120}, ${height - 12})`}>
              <rect width={10} height={10} y={-9} fill={s.color} />
              <text x={14}>{s.label}</text>
            </g>
          ))
        : null}
    </svg>
  );
}
