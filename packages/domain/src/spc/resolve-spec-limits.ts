import type { TenantTx } from '@ingot/db';

export interface TSpecLimits {
  lsl: number | null;
  usl: number | null;
}

/**
 * The specification limits of characteristics: their own limits when they agree; otherwise (limits resolved per
 * request from the order's spec, an alloy or a table) those of the most recent request that resolved some. Null
 * when there are none or the characteristics disagree (capability against mixed specifications means nothing).
 */
export async function resolveSpecLimits(
  tx: TenantTx,
  tenantId: string,
  characteristicIds: readonly string[],
): Promise<TSpecLimits | null> {
  if (characteristicIds.length === 0) return null;
  const rows = await tx.inspectionCharacteristic.findMany({
    where: { tenantId, id: { in: [...characteristicIds] } },
    select: { lowerLimit: true, upperLimit: true },
  });
  const own = new Map<string, TSpecLimits>();
  for (const r of rows) {
    if (r.lowerLimit === null && r.upperLimit === null) continue;
    own.set(`${r.lowerLimit}|${r.upperLimit}`, { lsl: r.lowerLimit, usl: r.upperLimit });
  }
  if (own.size === 1) return [...own.values()][0] ?? null;
  if (own.size > 1) return null;
  const ids = new Set(characteristicIds);
  const requests = await tx.inspectionRequest.findMany({
    where: { tenantId, results: { some: { tenantId, characteristicId: { in: [...characteristicIds] } } } },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { limits: true },
  });
  for (const request of requests) {
    if (!Array.isArray(request.limits)) continue;
    for (const entry of request.limits) {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
      const e = entry as Record<string, unknown>;
      if (typeof e.characteristicId !== 'string' || !ids.has(e.characteristicId)) continue;
      const lsl = typeof e.lower === 'number' ? e.lower : null;
      const usl = typeof e.upper === 'number' ? e.upper : null;
      if (lsl !== null || usl !== null) return { lsl, usl };
    }
  }
  return null;
}
