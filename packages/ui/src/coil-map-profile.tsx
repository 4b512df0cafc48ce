import { useId } from 'react';

/** One length bin of the profile: min / max / avg of the measured deviation in [fromM, toM). */
export interface TCoilProfileBin {
  fromM: number;
  toM: number;
  min: number;
  max: number;
  avg: number;
}

export interface TCoilProfileLabels {
  chart: string;
  noData: string;
  /** Length axis caption, e.g. "Length from head (m)". */
  length: string;
  /** Legend of the tolerance band. */
  tolerance: string;
}

export interface TCoilProfileChartProps {
  bins: readonly TCoilProfileBin[];
  /** Length of the coil, m (the axis end). */
  lengthM: number;
  /** Tolerance band in the same unit as the bins (e.g. −0.03 .. +0.03 mm around nominal). */
  band?: { lower: number; upper: number } | null;
  formatValue: (v: number) => string;
  labels: TCoilProfileLabels;
  width?: number;
  height?: number;
}

const PAD = { left: 64, right: 16, top: 12, bottom: 36 };

/** A coil's deviation along its length: min–max band and mean line per bin over the tolerance band. */
export function CoilProfileChart({
  bins,
  lengthM,
  band,
  formatValue,
  labels,
  width = 720,
  height = 240,
}: TCoilProfileChartProps) {
  const titleId = useId();
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const values = bins.flatMap((b) => [b.min, b.max]);
  if (band) values.push(band.lower, band.upper);
  let lo = values.length > 0 ? Math.min(...values) : -1;
  let hi = values.length > 0 ? Math.max(...values) : 1;
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const margin = (hi - lo) * 0.08;
  lo -= margin;
  hi += margin;
  const end = Math.max(lengthM, ...bins.map((b) => b.toM), 1);
  const x = (m: number) => PAD.left + (Math.min(m, end) / end) * plotW;
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const mean = bins.map((b, i) => `${i === 0 ? 'M' : 'L'}${x((b.fromM + b.toM) / 2)},${y(b.avg)}`).join(' ');
  const yTicks = [0, 1, 2, 3, 4].map((i) => lo + ((hi - lo) * i) / 4);
  const xTicks = [0, 1, 2, 3, 4].map((i) => (end * i) / 4);
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
      {band ? (
        <rect
          x={PAD.left}
          width={plotW}
          y={y(band.upper)}
          height={Math.max(0, y(band.lower) - y(band.upper))}
          fill="#d3f9d8"
        >
          <title>{`${labels.tolerance}: ${formatValue(band.lower)} … ${formatValue(band.upper)}`}</title>
        </rect>
      ) : null}
      {yTicks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={width - PAD.right} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fill="#495057">
            {formatValue(v)}
          </text>
        </g>
      ))}
      {xTicks.map((m) => (
        <text key={m} x={x(m)} y={PAD.top + plotH + 14} textAnchor="middle" fill="#495057">
          {Math.round(m)}
        </text>
      ))}
      <text x={PAD.left + plotW / 2} y={height - 4} textAnchor="middle" fill="#495057">
        {labels.length}
      </text>
      {bins.length === 0 ? (
        <text x={PAD.left + plotW / 2} y={PAD.top + plotH / 2} textAnchor="middle" fill="#868e96">
          {labels.noData}
        </text>
      ) : null}
      {bins.map((b) => (
        <rect
          key={b.fromM}
          x={x(b.fromM)}
          width={Math.max(1, x(b.toM) - x(b.fromM))}
          y={y(b.max)}
          height={Math.max(1, y(b.min) - y(b.max))}
          fill="#a5d8ff"
        >
          <title>{`${Math.round(b.fromM)}–${Math.round(b.toM)} m: ${formatValue(b.min)} … ${formatValue(b.max)}`}</title>
        </rect>
      ))}
      {bins.length > 0 ? <path d={mean} fill="none" stroke="#1f6feb" strokeWidth={1.5} /> : null}
    </svg>
  );
}
