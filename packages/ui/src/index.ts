export {
  BarChart,
  barTicks,
  type TBarChartLabels,
  type TBarChartProps,
  type TBarDatum,
  type TBarSeries,
} from './bar-chart.tsx';
export {
  CoilMap,
  severityColor,
  type TCoilMapDefect,
  type TCoilMapLabels,
  type TCoilMapProps,
} from './coil-map.tsx';
export {
  CoilProfileChart,
  type TCoilProfileBin,
  type TCoilProfileChartProps,
  type TCoilProfileLabels,
} from './coil-map-profile.tsx';
export {
  ControlChart,
  controlChartDomain,
  rulesByPoint,
  type TControlChartHit,
  type TControlChartLabels,
  type TControlChartPoint,
  type TControlChartProps,
} from './control-chart.tsx';
export {
  AXIS_HEIGHT,
  GanttChart,
  type TGanttChartProps,
  type TGanttLabels,
  type TGanttMove,
} from './gantt/gantt-chart.tsx';
export {
  eligibleRowIds,
  neighbour,
  nudge,
  proposeDrag,
  proposeMove,
  type TMoveProposal,
} from './gantt/interaction.ts';
export {
  layoutGantt,
  type TGanttItem,
  type TGanttItemStatus,
  type TGanttLayout,
  type TGanttRow,
  type TGanttWindow,
} from './gantt/layout.ts';
export {
  chartWindow,
  createTimeScale,
  HOUR_MS,
  MINUTE_MS,
  ZOOM_LEVELS,
  zoneOffsetMinutes,
} from './gantt/time-scale.ts';
export {
  ParetoChart,
  type TParetoBar,
  type TParetoChartLabels,
  type TParetoChartProps,
} from './pareto-chart.tsx';
export {
  TrendChart,
  type TTrendBucket,
  type TTrendChartLabels,
  type TTrendChartProps,
  type TTrendSeries,
  trendColor,
} from './trend-chart.tsx';
export {
  panWindow,
  selectionWindow,
  type TTimeWindow,
  timeTickStep,
  timeTicks,
  valueTicks,
  zoomWindow,
} from './trend-chart-scale.tsx';
