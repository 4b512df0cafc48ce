import { router } from '../../trpc.ts';
import { createAlloyProcedure } from './create-alloy.ts';
import { createCustomerProcedure } from './create-customer.ts';
import { createProductSpecProcedure } from './create-product-spec.ts';
import { createTemperProcedure } from './create-temper.ts';
import { getAlloyProcedure } from './get-alloy.ts';
import { getCustomerProcedure } from './get-customer.ts';
import { getProductSpecProcedure } from './get-product-spec.ts';
import { listAlloysProcedure } from './list-alloys.ts';
import { listCustomersProcedure } from './list-customers.ts';
import { listProductSpecsProcedure } from './list-product-specs.ts';
import { listTempersProcedure } from './list-tempers.ts';
import { lookupThicknessToleranceProcedure } from './lookup-thickness-tolerance.ts';
import { setAlloyActiveProcedure } from './set-alloy-active.ts';
import { setCustomerActiveProcedure } from './set-customer-active.ts';
import { updateAlloyProcedure } from './update-alloy.ts';
import { updateCustomerProcedure } from './update-customer.ts';
import { updateProductSpecProcedure } from './update-product-spec.ts';
import { updateTemperProcedure } from './update-temper.ts';

export const masterDataRouter = router({
  alloy: router({
    list: listAlloysProcedure,
    get: getAlloyProcedure,
    create: createAlloyProcedure,
    update: updateAlloyProcedure,
    setActive: setAlloyActiveProcedure,
  }),
  temper: router({
    list: listTempersProcedure,
    create: createTemperProcedure,
    update: updateTemperProcedure,
  }),
  customer: router({
    list: listCustomersProcedure,
    get: getCustomerProcedure,
    create: createCustomerProcedure,
    update: updateCustomerProcedure,
    setActive: setCustomerActiveProcedure,
  }),
  spec: router({
    list: listProductSpecsProcedure,
    get: getProductSpecProcedure,
    create: createProductSpecProcedure,
    update: updateProductSpecProcedure,
    toleranceLookup: lookupThicknessToleranceProcedure,
  }),
});
