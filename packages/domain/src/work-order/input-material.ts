import type { TProductFamily } from '@ingot/contracts';

/** The form of the material a route starts from, by its first operation: ingot, slab, billet or a hot-rolled coil. */
export function inputFormFor(firstOperationCode: string, productFamily: TProductFamily): string {
  switch (firstOperationCode) {
    case 'casting':
    case 'dc_casting':
    case 'twin_roll_casting':
    case 'billet_casting':
    case 'melting':
      return 'ingot';
    case 'homogenizing':
      return productFamily === 'extrusion_profile' || productFamily === 'rod_wire' || productFamily === 'tube'
        ? 'billet'
        : 'slab';
    case 'hot_rolling':
      return 'slab';
    case 'extrusion':
      return 'billet';
    case 'cold_rolling':
    case 'foil_rolling':
      return 'coil';
    default:
      return 'other';
  }
}
