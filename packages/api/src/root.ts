import { alarmRouter } from './routers/alarm/index.ts';
import { areaRouter } from './routers/area/index.ts';
import { auditRouter } from './routers/audit/index.ts';
import { certificateRouter } from './routers/certificate/index.ts';
import { connectorRouter } from './routers/connector/index.ts';
import { equipmentRouter } from './routers/equipment/index.ts';
import { inspectionPlanRouter } from './routers/inspection-plan/index.ts';
import { labRouter } from './routers/lab/index.ts';
import { lotRouter } from './routers/lot/index.ts';
import { masterDataRouter } from './routers/master-data/index.ts';
import { meRouter } from './routers/me/index.ts';
import { memberRouter } from './routers/member/index.ts';
import { nonconformanceRouter } from './routers/nonconformance/index.ts';
import { orderRouter } from './routers/order/index.ts';
import { planRouter } from './routers/plan/index.ts';
import { plantRouter } from './routers/plant/index.ts';
import { platformRouter } from './routers/platform/index.ts';
import { qualityKpiRouter } from './routers/quality-kpi/index.ts';
import { routingRouter } from './routers/routing/index.ts';
import { shopFloorRouter } from './routers/shop-floor/index.ts';
import { spcRouter } from './routers/spc/index.ts';
import { telemetryRouter } from './routers/telemetry/index.ts';
import { tenantRouter } from './routers/tenant/index.ts';
import { workCenterRouter } from './routers/work-center/index.ts';
import { workOrderRouter } from './routers/work-order/index.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  me: meRouter,
  tenant: tenantRouter,
  plant: plantRouter,
  area: areaRouter,
  workCenter: workCenterRouter,
  equipment: equipmentRouter,
  member: memberRouter,
  platform: platformRouter,
  audit: auditRouter,
  masterData: masterDataRouter,
  order: orderRouter,
  routing: routingRouter,
  workOrder: workOrderRouter,
  plan: planRouter,
  shopFloor: shopFloorRouter,
  lot: lotRouter,
  connector: connectorRouter,
  telemetry: telemetryRouter,
  alarm: alarmRouter,
  inspectionPlan: inspectionPlanRouter,
  lab: labRouter,
  nonconformance: nonconformanceRouter,
  spc: spcRouter,
  certificate: certificateRouter,
  qualityKpi: qualityKpiRouter,
});

export type AppRouter = typeof appRouter;
