'use client';

import {
  type KeyboardEvent,
  type PointerEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import './gantt.css';
import { firstItem, neighbour, nudge, proposeDrag, type TMoveProposal } from './interaction.ts';
import { colorIndex, layoutGantt, rowAtY, type TGanttItem, type TGanttRow } from './layout.ts';
import {
  chartWindow,
  createTimeScale,
  DEFAULT_ZOOM_INDEX,
  snapStep,
  stepZoom,
  tickStep,
  ticks,
  ZOOM_LEVELS,
  zoneOffsetMinutes,
} from './time-scale.ts';

export const AXIS_HEIGHT = 40;
const PALETTE_SIZE = 8;

/** Every text the chart shows, in the caller's language (the package has no i18n of its own). */
export interface TGanttLabels {
  chart: string;
  machine: string;
  zoomIn: string;
  zoomOut: string;
  zoom: (pxPerHour: number) => string;
  /** Screen-reader help for the keyboard. */
  instructions: string;
  setup: string;
  batch: (count: number) => string;
  locked: string;
  late: string;
  unavailable: string;
  now: string;
  noRows: string;
  /** Announced while moving: "{item} to {row} at {time}". */
  moving: (item: string, row: string, time: string) => string;
  pickedUp: (item: string) => string;
  cancelled: string;
  notEligible: string;
  lockedCannotMove: string;
  lockToggled: (item: string, locked: boolean) => string;
}

export interface TGanttMove {
  itemId: string;
  rowId: string;
  start: number;
}

export interface TGanttChartProps {
  rows: readonly TGanttRow[];
  items: readonly TGanttItem[];
  labels: TGanttLabels;
  /** BCP 47 locale for dates on the axis. */
  locale: string;
  /** The plant's time zone: ticks and snapping follow its wall clock. */
  timeZone?: string;
  now?: number;
  /** Drag, keyboard moves and lock toggles are offered only when true (the API still decides). */
  editable?: boolean;
  onMove?: (move: TGanttMove) => void;
  onToggleLock?: (itemId: string, locked: boolean) => void;
  selectedId?: string | null;
  onSelect?: (itemId: string | null) => void;
  testId?: string;
}

interface TDrag {
  itemId: string;
  pointerId: number;
  originX: number;
  proposal: TMoveProposal | null;
}

/** A 8 x 10 padlock drawn in SVG (no emoji font needed), marking a locked operation. */
function Padlock({ x, y }: { x: number; y: number }) {
  return (
    <g className="ig-gantt__lock" transform={`translate(${x} ${y})`}>
      <path d="M2 4.5V3a2 2 0 0 1 4 0v1.5" fill="none" />
      <rect x="0.5" y="4.5" width="7" height="5" rx="1" />
    </g>
  );
}

function truncate(text: string, widthPx: number): string {
  const max = Math.floor((widthPx - 8) / 7);
  if (max < 2) return '';
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * A Gantt chart by machine: operations as bars with their setup as a hatched lead-in, furnace charges framed as
 * one batch, unavailable windows shaded, a time axis in the plant's time zone with zoom. Bars can be dragged to
 * another time or an eligible machine, or moved with the keyboard (Enter picks up, arrows move, Enter drops,
 * Escape cancels; L locks). Pure SVG and CSS.
 */
export function GanttChart(props: TGanttChartProps) {
  const { rows, items, labels, locale, editable = false, onMove, onToggleLock, onSelect } = props;
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [zoomIndex, setZoomIndex] = useState(DEFAULT_ZOOM_INDEX);
  const pxPerHour = ZOOM_LEVELS[zoomIndex] ?? 16;
  const [now] = useState(() => props.now ?? Date.now());
  const offset = useMemo(
    () => (props.timeZone ? zoneOffsetMinutes(props.timeZone, now) : -new Date(now).getTimezoneOffset()),
    [props.timeZone, now],
  );

  const layout = useMemo(() => layoutGantt(rows, items), [rows, items]);
  const range = useMemo(
    () =>
      chartWindow(
        items.flatMap((i) => [i.start - (i.setupMs ?? 0), i.end]),
        { now, offsetMinutes: offset },
      ),
    [items, now, offset],
  );
  const scale = useMemo(() => createTimeScale(range.start, range.end, pxPerHour), [range, pxPerHour]);
  const tickList = useMemo(() => ticks(scale, tickStep(pxPerHour), offset), [scale, pxPerHour, offset]);
  const snap = snapStep(pxPerHour);

  const fmtTime = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone: props.timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
    [locale, props.timeZone],
  );
  const fmtDate = useMemo(
    () => new Intl.DateTimeFormat(locale, { timeZone: props.timeZone, month: 'numeric', day: 'numeric' }),
    [locale, props.timeZone],
  );
  const fmtFull = useCallback((t: number) => `${fmtDate.format(t)} ${fmtTime.format(t)}`, [fmtDate, fmtTime]);

  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [picked, setPicked] = useState<TMoveProposal | null>(null);
  const [drag, setDrag] = useState<TDrag | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const barRefs = useRef(new Map<string, SVGGElement>());
  const scrollRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const wantFocus = useRef(false);

  const itemById = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const rowById = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const tabbableId = focusedId && itemById.has(focusedId) ? focusedId : firstItem(layout);

  // Start scrolled to the first operation (or now), once per zoom level.
  const scrolledFor = useRef<number | null>(null);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || scrolledFor.current === pxPerHour) return;
    scrolledFor.current = pxPerHour;
    const focused = focusedId ? itemById.get(focusedId) : undefined;
    const focus = focused?.start ?? Math.min(...items.map((i) => i.start), now);
    el.scrollLeft = Math.max(0, scale.x(focus) - 48);
  }, [pxPerHour, scale, items, now, focusedId, itemById]);

  useEffect(() => {
    if (!wantFocus.current || !focusedId) return;
    wantFocus.current = false;
    const el = barRefs.current.get(focusedId);
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  });

  const focusItem = (id: string | null) => {
    if (!id) return;
    wantFocus.current = true;
    setFocusedId(id);
    onSelect?.(id);
  };

  const describeMove = (p: TMoveProposal, item: TGanttItem) => {
    if (p.reason === 'not_eligible') return labels.notEligible;
    return labels.moving(item.label, rowById.get(p.rowId)?.label ?? p.rowId, fmtFull(p.start));
  };

  const onBarKeyDown = (e: KeyboardEvent<SVGGElement>, item: TGanttItem) => {
    const key = e.key;
    if (picked && picked.itemId === item.id) {
      if (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown') {
        e.preventDefault();
        const step = e.shiftKey ? snap * 4 : snap;
        const next = nudge(item, picked, key, step, rows);
        setPicked(next);
        setAnnouncement(describeMove(next, item));
      } else if (key === 'Enter' || key === ' ') {
        e.preventDefault();
        if (picked.valid) onMove?.({ itemId: item.id, rowId: picked.rowId, start: picked.start });
        else setAnnouncement(picked.reason === 'not_eligible' ? labels.notEligible : labels.cancelled);
        setPicked(null);
      } else if (key === 'Escape') {
        e.preventDefault();
        setPicked(null);
        setAnnouncement(labels.cancelled);
      }
      return;
    }
    if (
      key === 'ArrowLeft' ||
      key === 'ArrowRight' ||
      key === 'ArrowUp' ||
      key === 'ArrowDown' ||
      key === 'Home' ||
      key === 'End'
    ) {
      e.preventDefault();
      focusItem(neighbour(layout, item.id, key));
    } else if (key === 'Enter' || key === ' ') {
      e.preventDefault();
      onSelect?.(item.id);
      if (!editable || !onMove) return;
      if (item.locked) {
        setAnnouncement(labels.lockedCannotMove);
        return;
      }
      setPicked({
        itemId: item.id,
        rowId: item.rowId,
        start: item.start,
        end: item.end,
        valid: false,
        reason: 'unchanged',
      });
      setAnnouncement(labels.pickedUp(item.label));
    } else if ((key === 'l' || key === 'L') && editable && onToggleLock) {
      e.preventDefault();
      onToggleLock(item.id, !item.locked);
      setAnnouncement(labels.lockToggled(item.label, !item.locked));
    } else if (key === '+' || key === '=') {
      e.preventDefault();
      setZoomIndex((z) => stepZoom(z, 1));
    } else if (key === '-') {
      e.preventDefault();
      setZoomIndex((z) => stepZoom(z, -1));
    }
  };

  const bodyY = (clientY: number) => {
    const svg = svgRef.current;
    if (!svg) return -1;
    return clientY - svg.getBoundingClientRect().top - AXIS_HEIGHT;
  };

  const onPointerDown = (e: PointerEvent<SVGGElement>, item: TGanttItem) => {
    onSelect?.(item.id);
    setFocusedId(item.id);
    if (!editable || !onMove || item.locked || e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDrag({ itemId: item.id, pointerId: e.pointerId, originX: e.clientX, proposal: null });
  };

  const onPointerMove = (e: PointerEvent<SVGGElement>, item: TGanttItem) => {
    if (!drag || drag.itemId !== item.id || drag.pointerId !== e.pointerId) return;
    const over = rowAtY(layout, bodyY(e.clientY));
    const proposal = proposeDrag(
      item,
      e.clientX - drag.originX,
      over?.row.id ?? item.rowId,
      scale,
      rows,
      snap,
      offset,
    );
    setDrag({ ...drag, proposal });
  };

  const onPointerUp = (e: PointerEvent<SVGGElement>, item: TGanttItem) => {
    if (!drag || drag.itemId !== item.id) return;
    const p = drag.proposal;
    setDrag(null);
    if (p?.valid) onMove?.({ itemId: item.id, rowId: p.rowId, start: p.start });
    else if (p && p.reason === 'not_eligible') setAnnouncement(labels.notEligible);
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };

  const ghost = drag?.proposal ?? picked;
  const ghostItem = ghost ? itemById.get(ghost.itemId) : undefined;
  const ghostRow = ghost ? layout.rows.find((r) => r.row.id === ghost.rowId) : undefined;
  const height = AXIS_HEIGHT + Math.max(layout.height, 40);
  const nowX = scale.x(now);

  if (rows.length === 0) {
    return (
      <p className="ig-gantt__empty" data-testid={props.testId}>
        {labels.noRows}
      </p>
    );
  }

  return (
    <div className="ig-gantt" data-testid={props.testId}>
      <div className="ig-gantt__toolbar">
        <button
          type="button"
          className="ig-gantt__tool"
          onClick={() => setZoomIndex((z) => stepZoom(z, -1))}
          disabled={zoomIndex === 0}
          aria-label={labels.zoomOut}
          data-testid="gantt-zoom-out"
        >
          −
        </button>
        <span className="ig-gantt__zoom" aria-live="polite">
          {labels.zoom(pxPerHour)}
        </span>
        <button
          type="button"
          className="ig-gantt__tool"
          onClick={() => setZoomIndex((z) => stepZoom(z, 1))}
          disabled={zoomIndex === ZOOM_LEVELS.length - 1}
          aria-label={labels.zoomIn}
          data-testid="gantt-zoom-in"
        >
          +
        </button>
        <ul className="ig-gantt__legend">
          <li>
            <span className="ig-gantt__swatch ig-gantt__swatch--setup" aria-hidden="true" />
            {labels.setup}
          </li>
          <li>
            <span className="ig-gantt__swatch ig-gantt__swatch--batch" aria-hidden="true" />
            {labels.batch(2)}
          </li>
          <li>
            <span className="ig-gantt__swatch ig-gantt__swatch--late" aria-hidden="true" />
            {labels.late}
          </li>
          <li>
            <span className="ig-gantt__swatch ig-gantt__swatch--down" aria-hidden="true" />
            {labels.unavailable}
          </li>
          <li>
            <svg width="10" height="11" aria-hidden="true">
              <Padlock x={1} y={0} />
            </svg>
            {labels.locked}
          </li>
        </ul>
      </div>
      <p id={`${uid}-help`} className="ig-gantt__help">
        {labels.instructions}
      </p>
      <p className="ig-gantt__live" aria-live="assertive" data-testid="gantt-announcement">
        {announcement}
      </p>
      <div className="ig-gantt__frame">
        <div className="ig-gantt__labels" aria-hidden="true">
          <div className="ig-gantt__labels-head" style={{ height: AXIS_HEIGHT }}>
            {labels.machine}
          </div>
          {layout.rows.map((r) => (
            <div
              key={r.row.id}
              className="ig-gantt__label"
              style={{ height: r.height }}
              title={r.row.detail ?? r.row.label}
            >
              <span className="ig-gantt__label-name">{r.row.label}</span>
              {r.row.detail ? <span className="ig-gantt__label-detail">{r.row.detail}</span> : null}
            </div>
          ))}
        </div>
        <div className="ig-gantt__scroll" ref={scrollRef}>
          {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing is labelled as a group; a fieldset cannot hold SVG. */}
          <svg
            ref={svgRef}
            width={scale.width}
            height={height}
            className="ig-gantt__svg"
            role="group"
            aria-label={labels.chart}
            aria-describedby={`${uid}-help`}
          >
            <defs>
              <pattern
                id={`${uid}-setup`}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" className="ig-gantt__setup-bg" />
                <line x1="0" y1="0" x2="0" y2="6" className="ig-gantt__setup-line" />
              </pattern>
              <pattern
                id={`${uid}-down`}
                width="8"
                height="8"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(-45)"
              >
                <rect width="8" height="8" className="ig-gantt__down-bg" />
                <line x1="0" y1="0" x2="0" y2="8" className="ig-gantt__down-line" />
              </pattern>
            </defs>
            <g className="ig-gantt__axis">
              <rect x={0} y={0} width={scale.width} height={AXIS_HEIGHT} className="ig-gantt__axis-bg" />
              {tickList.map((k) => (
                <g key={k.t}>
                  <line
                    x1={k.x}
                    x2={k.x}
                    y1={k.major ? 0 : AXIS_HEIGHT / 2}
                    y2={height}
                    className={k.major ? 'ig-gantt__grid ig-gantt__grid--major' : 'ig-gantt__grid'}
                  />
                  <text x={k.x + 3} y={k.major ? 14 : 32} className="ig-gantt__tick">
                    {k.major ? fmtDate.format(k.t) : fmtTime.format(k.t)}
                  </text>
                  {k.major ? (
                    <text x={k.x + 3} y={32} className="ig-gantt__tick">
                      {fmtTime.format(k.t)}
                    </text>
                  ) : null}
                </g>
              ))}
            </g>
            <g transform={`translate(0 ${AXIS_HEIGHT})`}>
              {layout.rows.map((r) => (
                <g key={r.row.id} data-row={r.row.id}>
                  <rect
                    x={0}
                    y={r.y}
                    width={scale.width}
                    height={r.height}
                    className={r.index % 2 ? 'ig-gantt__row ig-gantt__row--odd' : 'ig-gantt__row'}
                  />
                  {(r.row.windows ?? []).map((w) => {
                    const x1 = Math.max(0, scale.x(w.start));
                    const x2 = Math.min(scale.width, scale.x(w.end ?? scale.end));
                    if (x2 <= x1) return null;
                    return (
                      <rect
                        key={`${w.start}-${w.end}`}
                        x={x1}
                        y={r.y}
                        width={x2 - x1}
                        height={r.height}
                        fill={`url(#${uid}-down)`}
                        className="ig-gantt__window"
                      >
                        <title>{`${labels.unavailable}: ${w.label} · ${fmtFull(w.start)} – ${w.end ? fmtFull(w.end) : '…'}`}</title>
                      </rect>
                    );
                  })}
                  {r.blocks
                    .filter((b) => b.kind === 'batch')
                    .map((b) => (
                      <g key={b.key} className="ig-gantt__batch" data-testid="gantt-batch">
                        <rect
                          x={scale.x(b.start) - 2}
                          y={b.y - 2}
                          width={Math.max(4, scale.x(b.end) - scale.x(b.start) + 4)}
                          height={b.height + 4}
                          rx={4}
                          className="ig-gantt__batch-frame"
                        />
                        <title>{labels.batch(b.items.length)}</title>
                      </g>
                    ))}
                </g>
              ))}
              {nowX >= 0 && nowX <= scale.width ? (
                <line
                  x1={nowX}
                  x2={nowX}
                  y1={0}
                  y2={layout.height}
                  className="ig-gantt__now"
                  aria-label={labels.now}
                />
              ) : null}
              {layout.rows.flatMap((r) =>
                r.blocks.flatMap((b) =>
                  b.items.map(({ item, y, height: h }) => {
                    const x = scale.x(item.start);
                    const w = Math.max(3, scale.x(item.end) - x);
                    const setupW = item.setupMs
                      ? scale.x(item.start) - scale.x(item.start - item.setupMs)
                      : 0;
                    const moving = ghost?.itemId === item.id;
                    const classes = [
                      'ig-gantt__bar',
                      `ig-gantt__bar--c${colorIndex(item.colorKey, PALETTE_SIZE)}`,
                      item.late ? 'ig-gantt__bar--late' : '',
                      item.locked ? 'ig-gantt__bar--locked' : '',
                      item.status ? `ig-gantt__bar--${item.status}` : '',
                      item.highlight ? 'ig-gantt__bar--highlight' : '',
                      props.selectedId === item.id ? 'ig-gantt__bar--selected' : '',
                      moving ? 'ig-gantt__bar--moving' : '',
                      editable && !item.locked && onMove ? 'ig-gantt__bar--draggable' : '',
                    ]
                      .filter(Boolean)
                      .join(' ');
                    const title = [
                      item.label,
                      item.detail,
                      `${fmtFull(item.start)} – ${fmtFull(item.end)}`,
                      item.setupMs ? `${labels.setup} ${Math.round(item.setupMs / 60_000)} min` : '',
                      item.locked ? labels.locked : '',
                      item.late ? labels.late : '',
                    ]
                      .filter(Boolean)
                      .join(' · ');
                    const text = truncate(item.label, w - (item.locked ? 12 : 0));
                    return (
                      // biome-ignore lint/a11y/useSemanticElements: an SVG bar cannot be a <button>; it has the role, a label and keys.
                      <g
                        key={item.id}
                        ref={(el) => {
                          if (el) barRefs.current.set(item.id, el);
                          else barRefs.current.delete(item.id);
                        }}
                        className={classes}
                        role="button"
                        tabIndex={item.id === tabbableId ? 0 : -1}
                        aria-label={title}
                        aria-pressed={picked?.itemId === item.id ? true : undefined}
                        data-testid="gantt-bar"
                        data-item-id={item.id}
                        data-row-id={item.rowId}
                        data-locked={item.locked ? 'true' : 'false'}
                        data-status={item.status ?? 'pending'}
                        onFocus={() => setFocusedId(item.id)}
                        onKeyDown={(e) => onBarKeyDown(e, item)}
                        onPointerDown={(e) => onPointerDown(e, item)}
                        onPointerMove={(e) => onPointerMove(e, item)}
                        onPointerUp={(e) => onPointerUp(e, item)}
                        onPointerCancel={() => setDrag(null)}
                      >
                        <title>{title}</title>
                        {setupW > 0 ? (
                          <rect
                            x={x - setupW}
                            y={y}
                            width={setupW}
                            height={h}
                            fill={`url(#${uid}-setup)`}
                            className="ig-gantt__setup"
                            data-testid="gantt-setup"
                          />
                        ) : null}
                        <rect x={x} y={y} width={w} height={h} rx={3} className="ig-gantt__bar-rect" />
                        {text && h >= 14 ? (
                          <text
                            x={x + 4}
                            y={y + h / 2}
                            dominantBaseline="central"
                            className="ig-gantt__bar-text"
                          >
                            {text}
                          </text>
                        ) : null}
                      </g>
                    );
                  }),
                ),
              )}
              {ghost && ghostItem && ghostRow ? (
                <rect
                  x={scale.x(ghost.start)}
                  y={ghostRow.y + 4}
                  width={Math.max(3, scale.x(ghost.end) - scale.x(ghost.start))}
                  height={ghostRow.height - 8}
                  rx={3}
                  className={
                    ghost.valid || ghost.reason === 'unchanged'
                      ? 'ig-gantt__ghost'
                      : 'ig-gantt__ghost ig-gantt__ghost--invalid'
                  }
                  data-testid="gantt-ghost"
                  pointerEvents="none"
                />
              ) : null}
            </g>
          </svg>
        </div>
      </div>
    </div>
  );
}
