/**
 * A Shewhart control chart as plain SVG: centre line, upper and lower control limits (stepped where they vary by
 * point, as on p and u charts with unequal samples), the points joined in order, points that violate a run rule
 * drawn in red with the rule names above them, points left out of the phase I limits hollow, and a dashed divider
 * where phase II starts. Text comes from the caller (the package has no i18n of its own).
 */

export interface TControlChartPoint {
  index: number;
  value: number;
  center: number;
  ucl: number;
  lcl: number;
  excluded?: boolean;
  /** Shown in the point's tooltip (e.g. the inspection request number). */
  label?: string;
}

export interface TControlChartHit {
  /** Rule code (WE1, N3 ...). */
  rule: string;
  indices: readonly number[];
}

export interface TControlChartLabels {
  /** Accessible name of the chart, e.g. "X̄ chart". */
  chart: string;
  center: string;
  ucl: string;
  lcl: string;
  phaseTwo: string;
  noData: string;
  /** Tooltip of a point: its number, value and the rules it violates (already named). */
  point: (n: number, value: string, label: string | undefined, rules: readonly string[]) => string;
  /** A rule's full name for tooltips and the legend. */
  ruleName: (rule: string) => string;
}

export interface TControlChartProps {
  points: readonly TControlChartPoint[];
  hits: readonly TControlChartHit[];
  labels: TControlChartLabels;
  /** Index of the first phase II point (no divider when absent or at the end). */
  phaseTwoStart?: number | undefined;
  format: (v: number) => string;
  width: number;
  height?: number;
}

const PAD = { left: 64, right: 72, top: 22, bottom: 26 };
const HIT_COLOR = '#c92a2a';

/** Rule codes per point index. */
export function rulesByPoint(hits: readonly TControlChartHit[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const h of hits) {
    for (const i of h.indices) map.set(i, [...(map.get(i) ?? []), h.rule]);
  }
  return map;
}

/** The value range shown: points and limits with 8 % headroom (a flat series still gets a visible band). */
export function controlChartDomain(points: readonly TControlChartPoint[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    for (const v of [p.value, p.ucl, p.lcl, p.center]) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - span * 0.08, hi + span * 0.08];
}

/** A stepped path through per-point values (each point owns the band from halfway to its neighbours). */
function steppedPath(
  points: readonly TControlChartPoint[],
  pick: (p: TControlChartPoint) => number,
  x: (i: number) => number,
  y: (v: number) => number,
  half: number,
) {
  return points
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${(x(i) - half).toFixed(1)},${y(pick(p)).toFixed(1)} L${(x(i) + half).toFixed(1)},${y(pick(p)).toFixed(1)}`,
    )
    .join(' ');
}

export function ControlChart({
  points,
  hits,
  labels,
  phaseTwoStart,
  format,
  width,
  height = 240,
}: TControlChartProps) {
  if (points.length === 0) {
    return (
      <figure aria-label={labels.chart} style={{ margin: 0 }}>
        <p>{labels.noData}</p>
      </figure>
    );
  }
  const [lo, hi] = controlChartDomain(points);
  const plotW = Math.max(40, width - PAD.left - PAD.right);
  const plotH = Math.max(40, height - PAD.top - PAD.bottom);
  const step = plotW / Math.max(1, points.length);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const byPoint = rulesByPoint(hits);
  const last = points[points.length - 1] as TControlChartPoint;
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const divider =
    phaseTwoStart !== undefined && phaseTwoStart > 0 && phaseTwoStart < points.length
      ? PAD.left + step * phaseTwoStart
      : null;
  const labelEvery = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor(plotW / 36))));
  const limitLine = (
    key: string,
    pick: (p: TControlChartPoint) => number,
    color: string,
    dash: string | undefined,
    name: string,
  ) => (
    <g key={key}>
      <path
        d={steppedPath(points, pick, x, y, step / 2)}
        fill="none"
        stroke={color}
        strokeWidth={1.5}
        strokeDasharray={dash}
      />
      <text x={width - PAD.right + 4} y={y(pick(last)) + 4} fontSize={11} fill={color}>
        {name} {format(pick(last))}
      </text>
    </g>
  );
  return (
    <figure style={{ margin: 0 }}>
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={labels.chart}
        data-testid="control-chart"
      >
        <rect x={PAD.left} y={PAD.top} width={plotW} height={plotH} fill="none" stroke="#ced4da" />
        {[lo + (hi - lo) * 0.1, (lo + hi) / 2, hi - (hi - lo) * 0.1].map((v) => (
          <text key={v} x={PAD.left - 6} y={y(v) + 4} fontSize={10} textAnchor="end" fill="#495057">
            {format(v)}
          </text>
        ))}
        {divider !== null ? (
          <g data-testid="phase-divider">
            <line
              x1={divider}
              x2={divider}
              y1={PAD.top}
              y2={PAD.top + plotH}
              stroke="#868e96"
              strokeDasharray="4 3"
            />
            <text x={divider + 4} y={PAD.top - 6} fontSize={10} fill="#495057">
              {labels.phaseTwo}
            </text>
          </g>
        ) : null}
        {limitLine('ucl', (p) => p.ucl, HIT_COLOR, '6 3', labels.ucl)}
        {limitLine('lcl', (p) => p.lcl, HIT_COLOR, '6 3', labels.lcl)}
        {limitLine('cl', (p) => p.center, '#2b8a3e', undefined, labels.center)}
        <path d={line} fill="none" stroke="#1f6feb" strokeWidth={1.25} />
        {points.map((p, i) => {
          const rules = byPoint.get(p.index) ?? [];
          const hit = rules.length > 0;
          return (
            <g
              key={p.index}
              data-testid={hit ? 'control-point-hit' : 'control-point'}
              data-index={p.index}
              data-rules={rules.join(' ')}
            >
              <title>{labels.point(p.index + 1, format(p.value), p.label, rules.map(labels.ruleName))}</title>
              <circle
                cx={x(i)}
                cy={y(p.value)}
                r={hit ? 4.5 : 3}
                fill={p.excluded ? '#fff' : hit ? HIT_COLOR : '#1f6feb'}
                stroke={p.excluded ? '#868e96' : hit ? HIT_COLOR : '#1f6feb'}
                strokeWidth={1.5}
              />
              {hit ? (
                <text x={x(i)} y={y(p.value) - 8} fontSize={9} textAnchor="middle" fill={HIT_COLOR}>
                  {rules.join(',')}
                </text>
              ) : null}
            </g>
          );
        })}
        {points.map((p, i) =>
          i % labelEvery === 0 || i === points.length - 1 ? (
            <text
              key={`t${p.index}`}
              x={x(i)}
              y={height - 8}
              fontSize={10}
              textAnchor="middle"
              fill="#495057"
            >
              {p.index + 1}
            </text>
          ) : null,
        )}
      </svg>
      {hits.length > 0 ? (
        <figcaption>
          <ul
            data-testid="control-chart-hits"
            style={{ margin: '4px 0 0', paddingLeft: 18, color: HIT_COLOR }}
          >
            {hits.map((h) => (
              <li key={h.rule} data-rule={h.rule}>
                <strong>{h.rule}</strong> {labels.ruleName(h.rule)}: {h.indices.map((i) => i + 1).join(', ')}
              </li>
            ))}
          </ul>
        </figcaption>
      ) : null}
    </figure>
  );
}
