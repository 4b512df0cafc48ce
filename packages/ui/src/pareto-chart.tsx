import { useId } from 'react';
import { barTicks } from './bar-chart.tsx';

/** One Pareto bar (largest first) with its cumulative share 0..1. */
export interface TParetoBar {
  key: string;
  label: string;
  count: number;
  cumulativeShare: number;
}

export interface TParetoChartLabels {
  chart: string;
  noData: string;
  /** Legend of the cumulative line, e.g. "Cumulative %". */
  cumulative: string;
  /** Legend of the bars, e.g. "Count". */
  count: string;
}

export interface TParetoChartProps {
  bars: readonly TParetoBar[];
  labels: TParetoChartLabels;
  width?: number;
  height?: number;
  /** Draw the 80 % line (the vital few). Default true. */
  eightyLine?: boolean;
}

const PAD = { left: 48, right: 48, top: 16, bottom: 56 };

/** Bars by count on the left axis and the cumulative share as a line on the right axis (0–100 %). */
export function ParetoChart({
  bars,
  labels,
  width = 640,
  height = 260,
  eightyLine = true,
}: TParetoChartProps) {
  const titleId = useId();
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const countTicks = barTicks(Math.max(1, ...bars.map((b) => b.count)));
  const maxCount = countTicks.at(-1) ?? 1;
  const yCount = (v: number) => PAD.top + plotH - (v / maxCount) * plotH;
  const yShare = (s: number) => PAD.top + plotH - s * plotH;
  const slot = bars.length > 0 ? plotW / bars.length : plotW;
  const barW = Math.max(2, Math.min(56, slot * 0.7));
  const cx = (i: number) => PAD.left + i * slot + slot / 2;
  const line = bars.map((b, i) => `${i === 0 ? 'M' : 'L'}${cx(i)},${yShare(b.cumulativeShare)}`).join(' ');
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
      {countTicks.map((c) => (
        <text key={`c${c}`} x={PAD.left - 6} y={yCount(c) + 4} textAnchor="end" fill="#495057">
          {c}
        </text>
      ))}
      {[0, 0.25, 0.5, 0.75, 1].map((s) => (
        <g key={s}>
          <line x1={PAD.left} x2={width - PAD.right} y1={yShare(s)} y2={yShare(s)} stroke="#e9ecef" />
          <text x={width - PAD.right + 6} y={yShare(s) + 4} fill="#495057">
            {`${Math.round(s * 100)}%`}
          </text>
        </g>
      ))}
      {bars.length === 0 ? (
        <text x={PAD.left + plotW / 2} y={PAD.top + plotH / 2} textAnchor="middle" fill="#868e96">
          {labels.noData}
        </text>
      ) : null}
      {bars.map((b, i) => (
        <g key={b.key}>
          <rect
            x={cx(i) - barW / 2}
            y={yCount(b.count)}
            width={barW}
            height={PAD.top + plotH - yCount(b.count)}
            fill="#1f6feb"
          >
            <title>{`${b.label}: ${b.count} (${labels.cumulative} ${Math.round(b.cumulativeShare * 1000) / 10}%)`}</title>
          </rect>
          <text
            x={cx(i)}
            y={PAD.top + plotH + 12}
            textAnchor="end"
            transform={`rotate(-30 ${cx(i)} ${PAD.top + plotH + 12})`}
            fill="#495057"
          >
            {b.label}
          </text>
        </g>
      ))}
      {eightyLine && bars.length > 0 ? (
        <line
          x1={PAD.left}
          x2={width - PAD.right}
          y1={yShare(0.8)}
          y2={yShare(0.8)}
          stroke="#c92a2a"
          strokeDasharray="4 3"
        />
      ) : null}
      {bars.length > 0 ? <path d={line} fill="none" stroke="#d9480f" strokeWidth={2} /> : null}
      {bars.map((b, i) => (
        <circle key={b.key} cx={cx(i)} cy={yShare(b.cumulativeShare)} r={3} fill="#d9480f" />
      ))}
      <g transform={`translate(${PAD.left}, ${height - 8})`}>
        <rect width={10} height={10} y={-9} fill="#1f6feb" />
        <text x={14}>{labels.count}</text>
        <line x1={110} x2={130} y1={-4} y2={-4} stroke="#d9480f" strokeWidth={2} />
        <text x={134}>{labels.cumulative}</text>
      </g>
    </svg>
  );
}
