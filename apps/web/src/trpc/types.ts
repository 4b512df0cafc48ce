import type { AppRouter } from '@ingot/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type TRouterOutputs = inferRouterOutputs<AppRouter>;
export type TRouterInputs = inferRouterInputs<AppRouter>;

export type TPlantItem = TRouterOutputs['plant']['list'][number];
export type TPlantTree = TRouterOutputs['equipment']['tree'];
export type TTreeArea = TPlantTree['areas'][number];
export type TTreeLine = TTreeArea['workCenters'][number];
export type TTreeEquipment = TTreeLine['equipment'][number];
export type TMember = TRouterOutputs['member']['list'][number];
export type TPlatformTenant = TRouterOutputs['platform']['tenant']['list'][number];
