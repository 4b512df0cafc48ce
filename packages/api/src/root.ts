import { areaRouter } from './routers/area/index.ts';
import { auditRouter } from './routers/audit/index.ts';
import { equipmentRouter } from './routers/equipment/index.ts';
import { meRouter } from './routers/me/index.ts';
import { memberRouter } from './routers/member/index.ts';
import { plantRouter } from './routers/plant/index.ts';
import { platformRouter } from './routers/platform/index.ts';
import { tenantRouter } from './routers/tenant/index.ts';
import { workCenterRouter } from './routers/work-center/index.ts';
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
});

export type AppRouter = typeof appRouter;
