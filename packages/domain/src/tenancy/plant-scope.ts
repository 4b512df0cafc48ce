import type { TTenantContext } from './tenant-context.ts';

/** True when the member may reach every plant of the tenant (no plant rows on the membership). */
export function hasAllPlants(ctx: Pick<TTenantContext, 'plantIds'>): boolean {
  return ctx.plantIds.length === 0;
}

/** True when `plantId` is inside the member's plant scope. */
export function isPlantInScope(ctx: Pick<TTenantContext, 'plantIds'>, plantId: string): boolean {
  return hasAllPlants(ctx) || ctx.plantIds.includes(plantId);
}

/** Where-fragment restricting plant rows to the member's plant scope (use inside `AND`). */
export function plantScopeOnPlant(ctx: Pick<TTenantContext, 'plantIds'>): { id?: { in: string[] } } {
  return hasAllPlants(ctx) ? {} : { id: { in: [...ctx.plantIds] } };
}

/** Where-fragment restricting plant-owned rows (areas, lines, equipment) to the member's plant scope. */
export function plantScopeOnChild(ctx: Pick<TTenantContext, 'plantIds'>): { plantId?: { in: string[] } } {
  return hasAllPlants(ctx) ? {} : { plantId: { in: [...ctx.plantIds] } };
}
