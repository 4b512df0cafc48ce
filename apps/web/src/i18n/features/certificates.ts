/** Portal strings of one feature, both languages side by side (spread into messages.zh-CN.ts / messages.en.ts). */
export const certificatesZhCN = {} as const;

export const certificatesEn: { readonly [K in keyof typeof certificatesZhCN]: string } = {};
