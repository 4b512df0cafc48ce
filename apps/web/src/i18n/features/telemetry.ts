/** Portal strings of one feature, both languages side by side (spread into messages.zh-CN.ts / messages.en.ts). */
export const telemetryZhCN = {} as const;

export const telemetryEn: { readonly [K in keyof typeof telemetryZhCN]: string } = {};
