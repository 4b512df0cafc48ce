import { useId } from 'react';

/** One defect on the coil. */
export interface TCoilMapDefect {
  key: string;
  /** Metres from the head. */
  positionM: number;
  /** Millimetres from the operator-side edge; null draws it on the centre line. */
  crossPositionMm: number | null;
  /** 1 minor, 2 major, 3 critical (null: unknown). */
  severity: number | null;
  /** What the tooltip says (type, position), in the caller's language. */
  label: string;
}

export interface TCoilMapLabels {
  chart: string;
  noData: string;
  head: string;
  tail: string;
}

export interface TCoilMapProps {
  lengthM: number;
  /** Strip width, mm; null when unknown (cross positions are then scaled to the widest defect). */
  widthMm: number | null;
  defects: readonly TCoilMapDefect[];
  labels: TCoilMapLabels;
  width?: number;
  height?: number;
}

const PAD = { left: 40, right: 40, top: 8, bottom: 8 };

/** Colour by severity: minor amber, major orange, critical red. */
export const severityColor = (severity: number | null): string =>
  severity === 3 ? '#c92a2a' : severity === 2 ? '#e8590c' : severity === 1 ? '#f59f00' : '#868e96';

/** The coil unrolled as a strip, head left: each defect a mark at its position along and across the strip. */
export function CoilMap({ lengthM, widthMm, defects, labels, width = 720, height = 96 }: TCoilMapProps) {
  const titleId = useId();
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const end = Math.max(lengthM, ...defects.map((d) => d.positionM), 1);
  const across = widthMm ?? Math.max(1, ...defects.map((d) => d.crossPositionMm ?? 0));
  const x = (m: number) => PAD.left + (m / end) * plotW;
  const y = (mm: number | null) =>
    PAD.top + (mm === null ? plotH / 2 : (Math.min(mm, across) / across) * plotH);
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
      <rect x={PAD.left} y={PAD.top} width={plotW} height={plotH} fill="#f1f3f5" stroke="#adb5bd" />
      <text x={PAD.left - 4} y={PAD.top + plotH / 2 + 4} textAnchor="end" fill="#495057">
        {labels.head}
      </text>
      <text x={width - PAD.right + 4} y={PAD.top + plotH / 2 + 4} fill="#495057">
        {labels.tail}
      </text>
      {defects.length === 0 ? (
        <text x={PAD.left + plotW / 2} y={PAD.top + plotH / 2 + 4} textAnchor="middle" fill="#868e96">
          {labels.noData}
        </text>
      ) : null}
      {defects.map((d) => (
        <circle
          key={d.key}
          cx={x(d.positionM)}
          cy={y(d.crossPositionMm)}
          r={d.severity === 3 ? 6 : d.severity === 2 ? 5 : 4}
          fill={severityColor(d.severity)}
          stroke="#fff"
        >
          <title>{d.label}</title>
        </circle>
      ))}
    </svg>
  );
}
