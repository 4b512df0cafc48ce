/** Portal strings of one feature, both languages side by side (spread into messages.zh-CN.ts / messages.en.ts). */
export const qualityZhCN = {} as const;

export const qualityEn: { readonly [K in keyof typeof qualityZhCN]: string } = {};
