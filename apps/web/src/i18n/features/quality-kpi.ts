/** Portal strings of one feature, both languages side by side (spread into messages.zh-CN.ts / messages.en.ts). */
export const qualityKpiZhCN = {} as const;

export const qualityKpiEn: { readonly [K in keyof typeof qualityKpiZhCN]: string } = {};
