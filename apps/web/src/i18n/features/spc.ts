/** Portal strings of one feature, both languages side by side (spread into messages.zh-CN.ts / messages.en.ts). */
export const spcZhCN = {} as const;

export const spcEn: { readonly [K in keyof typeof spcZhCN]: string } = {};
