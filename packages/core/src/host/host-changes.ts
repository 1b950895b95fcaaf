import type { InvoiceState } from '../canonical/invoice.js';

/**
 * Host-neutral descriptions of what a host saved. Adapters translate their
 * framework's events into these; providers decide which wire events fire
 * (design §3). Ids are wire ids (aliased for string-id hosts).
 */
export interface InvoiceSnapshot {
  readonly id: number;
  readonly incrementId: string;
  readonly state: InvoiceState;
  /** Website of the invoice's store, 0 when unknown (wire-contract §6.1). */
  readonly websiteId: number;
  readonly storeId: number;
}

/** `before` is null on the first save (the insert edge). */
export interface InvoiceChange {
  readonly before: InvoiceSnapshot | null;
  readonly after: InvoiceSnapshot;
}

export interface CreditMemoSnapshot {
  readonly id: number;
  readonly incrementId: string;
  readonly websiteId: number;
  readonly storeId: number;
}

export interface CreditMemoChange {
  readonly before: CreditMemoSnapshot | null;
  readonly after: CreditMemoSnapshot;
}

export interface CustomerChange {
  readonly before?: { readonly id: number; readonly websiteId: number } | null;
  readonly after: { readonly id: number; readonly websiteId: number };
}

export interface ProductChange {
  readonly before?: { readonly id: number } | null;
  readonly after: { readonly id: number };
}

/** A stock-item save; the product id is what the ledger hears about. */
export interface StockChange {
  readonly productId: number;
}

export type HostChange =
  | { readonly kind: 'invoice'; readonly change: InvoiceChange }
  | { readonly kind: 'creditmemo'; readonly change: CreditMemoChange }
  | { readonly kind: 'customer'; readonly change: CustomerChange }
  | { readonly kind: 'product'; readonly change: ProductChange }
  | { readonly kind: 'stock'; readonly change: StockChange };

export type HostChangeKind = HostChange['kind'];

/** Every kind of host change, in the order of the hooks. */
export const HOST_CHANGE_KINDS: readonly HostChangeKind[] = Object.freeze(['invoice', 'creditmemo', 'customer', 'product', 'stock']);
export type ChangeOf<K extends HostChangeKind> = Extract<HostChange, { kind: K }>['change'];
