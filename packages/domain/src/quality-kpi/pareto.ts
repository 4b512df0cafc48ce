/** One bar of a Pareto chart: count, share of all, and cumulative share up to and including this bar. */
export interface TParetoItem {
  /** Null: not known (e.g. a nonconformance whose operation ran on no recorded machine). */
  key: string | null;
  count: number;
  share: number;
  cumulativeShare: number;
}

/** Bars largest first (ties by key, unknown last), with shares of the total. */
export function pareto(counts: ReadonlyMap<string | null, number>): TParetoItem[] {
  const total = [...counts.values()].reduce((a, c) => a + c, 0);
  const sorted = [...counts]
    .filter(([, c]) => c > 0)
    .sort(
      ([ka, a], [kb, b]) => b - a || (ka === null ? 1 : kb === null ? -1 : ka < kb ? -1 : ka > kb ? 1 : 0),
    );
  let running = 0;
  return sorted.map(([key, count]) => {
    running += count;
    return { key, count, share: count / total, cumulativeShare: running / total };
  });
}
