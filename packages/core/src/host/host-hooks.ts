import type { EnqueueResult, HostTransaction } from '../ports/outbox-store.js';
import type { CreditMemoChange, CustomerChange, InvoiceChange, ProductChange, StockChange } from './host-changes.js';

export interface HookOptions {
  /** The host's open database transaction; the events commit if and only if it does. */
  readonly transaction?: HostTransaction;
}

/**
 * The one hook API every adapter calls on saves (design §3). Each call runs
 * every connected provider's rules and enqueues what fires; it never performs
 * HTTP and never throws into the host's save unless the database write failed
 * inside the host's own transaction.
 */
export interface HostHooks {
  invoiceSaved(change: InvoiceChange, options?: HookOptions): Promise<EnqueueResult[]>;
  creditMemoSaved(change: CreditMemoChange, options?: HookOptions): Promise<EnqueueResult[]>;
  customerSaved(change: CustomerChange, options?: HookOptions): Promise<EnqueueResult[]>;
  productSaved(change: ProductChange, options?: HookOptions): Promise<EnqueueResult[]>;
  stockSaved(change: StockChange, options?: HookOptions): Promise<EnqueueResult[]>;
}
