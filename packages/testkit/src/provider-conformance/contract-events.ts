import type { FiredEvent, HostChange, InvoiceSnapshot, WireEventName } from '@byte8/core';

/**
 * What wire-contract §6.1 says each host change sends, for a provider that
 * subscribes to every event. Written out literally (not derived from the
 * core's rules), so the suite checks the rules rather than mirroring them.
 */
export interface ContractCase {
  readonly name: string;
  readonly change: HostChange;
  /** In enqueue order. */
  readonly expected: readonly FiredEvent[];
}

type InvoiceState = InvoiceSnapshot['state'];

export const invoiceSnapshot = (state: InvoiceState, id = 42): InvoiceSnapshot => ({ id, incrementId: `0000000${id}`, state, websiteId: 2, storeId: 3 });

const fired = (eventName: WireEventName, entityType: FiredEvent['entityType'], entityId: number, scope: [number, number], payload: Readonly<Record<string, unknown>>): FiredEvent => ({
  eventName,
  entityType,
  entityId,
  websiteId: scope[0],
  storeId: scope[1],
  payload,
  idempotencyKey: `${eventName}:${entityId}`,
  upsert: eventName === 'customer.upserted' || eventName === 'product.upserted',
});

const created = (id: number, paid: boolean) => fired('invoice.created', 'invoice', id, [2, 3], { increment_id: `0000000${id}`, paid });
const paid = (id: number) => fired('invoice.paid', 'invoice', id, [2, 3], { increment_id: `0000000${id}` });

/**
 * Every (before, after) state pair of one invoice and what Magento's two
 * invoice observers send: created on the insert edge when open or paid,
 * paid on the transition into paid.
 */
export const INVOICE_STATE_CASES: ReadonlyArray<readonly [InvoiceState | null, InvoiceState, readonly FiredEvent[]]> = [
  [null, 'open', [created(42, false)]],
  [null, 'paid', [created(42, true), paid(42)]],
  [null, 'cancelled', []],
  ['open', 'open', []],
  ['open', 'paid', [paid(42)]],
  ['open', 'cancelled', []],
  ['paid', 'paid', []],
  ['paid', 'open', []],
  ['paid', 'cancelled', []],
  ['cancelled', 'cancelled', []],
  ['cancelled', 'open', []],
  // A cancelled invoice turned paid is a transition into paid; Magento's observer fires too.
  ['cancelled', 'paid', [paid(42)]],
];

const memo = { id: 9, incrementId: '100000009', websiteId: 1, storeId: 4 };
const memoCreated = fired('creditmemo.created', 'creditmemo', 9, [1, 4], { increment_id: '100000009' });
const productUpserted = fired('product.upserted', 'product', 11, [0, 0], {});

/** The other entities: credit memos on every save, customers with store 0, products from catalog and stock. */
export const ENTITY_CASES: readonly ContractCase[] = [
  { name: 'a new credit memo', change: { kind: 'creditmemo', change: { before: null, after: memo } }, expected: [memoCreated] },
  // Every save fires with the same key, so the outbox collapses the repeats.
  { name: 'a credit memo saved again', change: { kind: 'creditmemo', change: { before: memo, after: memo } }, expected: [memoCreated] },
  {
    name: 'a customer save (its own website, store 0, empty payload)',
    change: { kind: 'customer', change: { after: { id: 5, websiteId: 3 } } },
    expected: [fired('customer.upserted', 'customer', 5, [3, 0], {})],
  },
  {
    name: 'a customer saved again',
    change: { kind: 'customer', change: { before: { id: 5, websiteId: 3 }, after: { id: 5, websiteId: 3 } } },
    expected: [fired('customer.upserted', 'customer', 5, [3, 0], {})],
  },
  { name: 'a catalog save (website 0, store 0)', change: { kind: 'product', change: { after: { id: 11 } } }, expected: [productUpserted] },
  // Catalog and stock saves of one product share the key and collapse into one delivery.
  { name: 'a stock save of the same product', change: { kind: 'stock', change: { productId: 11 } }, expected: [productUpserted] },
];

/** Changes carrying an id the wire cannot carry (`magento_entity_id` must be a positive integer). */
export function invalidIdChanges(id: number): HostChange[] {
  const invoice = { ...invoiceSnapshot('paid'), id };
  return [
    { kind: 'invoice', change: { before: null, after: invoice } },
    { kind: 'invoice', change: { before: { ...invoice, state: 'open' }, after: invoice } },
    { kind: 'creditmemo', change: { before: null, after: { ...memo, id } } },
    { kind: 'customer', change: { after: { id, websiteId: 1 } } },
    { kind: 'product', change: { after: { id } } },
    { kind: 'stock', change: { productId: id } },
  ];
}

/** One change of every kind, each of which fires when subscribed. */
export const ONE_OF_EACH: readonly HostChange[] = [
  { kind: 'invoice', change: { before: null, after: invoiceSnapshot('paid') } },
  { kind: 'creditmemo', change: { before: null, after: memo } },
  { kind: 'customer', change: { after: { id: 5, websiteId: 3 } } },
  { kind: 'product', change: { after: { id: 11 } } },
  { kind: 'stock', change: { productId: 11 } },
];
