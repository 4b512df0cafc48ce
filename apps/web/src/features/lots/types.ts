import type { TRouterOutputs } from '../../trpc/types.ts';

export type TLotItem = TRouterOutputs['lot']['list']['items'][number];
export type TLotHit = TRouterOutputs['lot']['search'][number];
export type TLotGenealogy = TRouterOutputs['lot']['genealogy'];
export type TGenealogyLot = TLotGenealogy['lots'][number];
export type TGenealogyTree = NonNullable<TLotGenealogy['backward']>;
