/** Portal strings of one feature, both languages side by side (spread into messages.zh-CN.ts / messages.en.ts). */
export const alarmsZhCN = {} as const;

export const alarmsEn: { readonly [K in keyof typeof alarmsZhCN]: string } = {};
