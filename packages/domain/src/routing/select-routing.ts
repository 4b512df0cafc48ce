import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { findProductSpec } from '../master-data/product-specs.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { ROUTING_INCLUDE, type TRoutingDto, toRoutingDto } from './routings.ts';

/** How specific a template is for a spec: family+alloy+temper 3, family+alloy 2, family 1; -1 if it does not fit. */
export function routingSpecificity(
  template: { alloyId: string | null; temperId: string | null },
  spec: { alloyId: string; temperId: string },
): number {
  if (template.alloyId !== null && template.alloyId !== spec.alloyId) return -1;
  if (template.temperId !== null && template.temperId !== spec.temperId) return -1;
  if (template.alloyId !== null && template.temperId !== null) return 3;
  if (template.alloyId !== null) return 2;
  if (template.temperId !== null) return 1.5;
  return 1;
}

export interface TRoutingSelection {
  routing: TRoutingDto;
  /** Which rule picked it: family+alloy+temper, family+alloy, family+temper or family. */
  matchedOn: 'family+alloy+temper' | 'family+alloy' | 'family+temper' | 'family';
}

const MATCH: Record<number, TRoutingSelection['matchedOn']> = {
  3: 'family+alloy+temper',
  2: 'family+alloy',
  1.5: 'family+temper',
  1: 'family',
};

/**
 * The route for a spec: the most specific ACTIVE template of its product family (family+alloy+temper >
 * family+alloy > family); ties go to the lowest code, so the choice is deterministic. Null when none fits.
 */
export async function selectRoutingForSpec(
  tx: TenantTx,
  ctx: TTenantContext,
  spec: { productFamily: TRoutingDto['productFamily']; alloyId: string; temperId: string },
): Promise<TRoutingSelection | null> {
  const candidates = await tx.routingTemplate.findMany({
    where: { ...tenantFilter(ctx), productFamily: spec.productFamily, active: true },
    include: ROUTING_INCLUDE,
    orderBy: { code: 'asc' },
  });
  let best: { row: (typeof candidates)[number]; score: number } | null = null;
  for (const row of candidates) {
    const score = routingSpecificity(row, spec);
    if (score > 0 && (!best || score > best.score)) best = { row, score };
  }
  if (!best) return null;
  return { routing: toRoutingDto(best.row), matchedOn: MATCH[best.score] ?? 'family' };
}

/** `routing.select`: which routing a spec would get, or NOT_FOUND naming the spec when none fits. */
export async function selectRouting(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { specId: string },
): Promise<TRoutingSelection> {
  const spec = await findProductSpec(tx, ctx, input.specId, 'specId');
  const chosen = await selectRoutingForSpec(tx, ctx, spec);
  if (!chosen)
    throw new DomainError(
      'NOT_FOUND',
      `no active routing for ${spec.productFamily} ${spec.alloy.code}-${spec.temper.code}`,
      'specId',
      { reason: 'no_routing', params: { spec: spec.code } },
    );
  return chosen;
}
