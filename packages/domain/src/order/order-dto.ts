import type { TOrderStatus, TProductFamily, TQuantityUnit } from '@ingot/contracts';
import type { TOrderAccess } from './order-access.ts';

export interface TOrderSummaryDto {
  id: string;
  orderNo: string;
  status: TOrderStatus;
  plant: { id: string; code: string; name: string };
  /** Null for a partner looking at an order that is not its own customer's (names of other customers stay hidden). */
  customer: { id: string; code: string; name: string } | null;
  customerPo: string;
  priority: number;
  requestedDate: Date | null;
  promisedDate: Date | null;
  confirmedAt: Date | null;
  lineCount: number;
  /** Tonnes ordered over the lines ordered in tonnes. */
  totalT: number;
  createdAt: Date;
}

export interface TOrderLineDto {
  id: string;
  lineNo: number;
  spec: {
    id: string;
    code: string;
    productFamily: TProductFamily;
    alloyCode: string;
    temperCode: string;
    thicknessMm: number;
    widthMm: number | null;
    lengthMm: number | null;
  };
  quantity: number;
  unit: TQuantityUnit;
  shippedQuantity: number;
  requestedDate: Date;
  promisedDate: Date | null;
  status: TOrderStatus;
  /** Internal only (empty for partners). */
  workOrders: Array<{ id: string; workOrderNo: string; status: string; outputT: number; inputT: number }>;
}

export interface TOrderEventDto {
  id: string;
  at: Date;
  kind: string;
  lineId: string | null;
  fromStatus: TOrderStatus | null;
  toStatus: TOrderStatus | null;
  /** Internal only ({} for partners). */
  details: unknown;
  actorUserId: string | null;
}

export interface TShipmentDto {
  id: string;
  shipmentNo: string;
  shippedAt: Date;
  carrier: string;
  vehicleNo: string;
  lines: Array<{ lineId: string; quantity: number; lotId: string | null }>;
}

export interface TOrderDetailDto extends TOrderSummaryDto {
  notes: string;
  lines: TOrderLineDto[];
  events: TOrderEventDto[];
  shipments: TShipmentDto[];
  /** Partnerships the order is shared with (internal only). */
  sharedWith: Array<{ partnershipId: string; kind: string }>;
}

export const ORDER_SUMMARY_INCLUDE = {
  plant: { select: { id: true, code: true, name: true } },
  customer: { select: { id: true, code: true, name: true, partnershipId: true } },
  lines: { select: { quantity: true, unit: true } },
} as const;

type TSummaryRow = {
  id: string;
  orderNo: string;
  status: TOrderStatus;
  customerPo: string;
  priority: number;
  requestedDate: Date | null;
  promisedDate: Date | null;
  confirmedAt: Date | null;
  createdAt: Date;
  plant: { id: string; code: string; name: string };
  customer: { id: string; code: string; name: string; partnershipId: string | null };
  lines: Array<{ quantity: number; unit: TQuantityUnit }>;
};

/** Does the caller see who the customer is? Staff always; a partner only on its own customer's orders. */
export function seesCustomer(access: TOrderAccess, customer: { partnershipId: string | null }): boolean {
  if (access.kind === 'internal') return true;
  return (
    access.ownCustomerOrders &&
    customer.partnershipId !== null &&
    customer.partnershipId === access.partnershipId
  );
}

export function toOrderSummaryDto(row: TSummaryRow, access: TOrderAccess): TOrderSummaryDto {
  const own = seesCustomer(access, row.customer);
  return {
    id: row.id,
    orderNo: row.orderNo,
    status: row.status,
    plant: row.plant,
    customer: own ? { id: row.customer.id, code: row.customer.code, name: row.customer.name } : null,
    customerPo: own ? row.customerPo : '',
    priority: row.priority,
    requestedDate: row.requestedDate,
    promisedDate: row.promisedDate,
    confirmedAt: row.confirmedAt,
    lineCount: row.lines.length,
    totalT: row.lines.filter((l) => l.unit === 't').reduce((s, l) => s + l.quantity, 0),
    createdAt: row.createdAt,
  };
}
