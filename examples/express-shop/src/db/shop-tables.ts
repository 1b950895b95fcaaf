import type { Generated, Kysely, Transaction } from 'kysely';

/** The shop's own tables (`shop_*`), beside the connector's `byte8_*` ones. */
export interface ShopTables {
  shop_customers: {
    id: Generated<number>;
    email: string;
    first_name: string;
    last_name: string;
    company: string | null;
    phone: string | null;
    street: string;
    city: string;
    postcode: string;
    country_id: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  shop_products: {
    id: Generated<number>;
    sku: string;
    name: string;
    product_type: string;
    price: number;
    tax_rate: number;
    stock_qty: number;
    manage_stock: boolean;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  shop_orders: {
    id: Generated<number>;
    number: string;
    customer_id: number | null;
    email: string;
    first_name: string;
    last_name: string;
    currency: string;
    payment_method: string;
    shipping_amount: number;
    created_at: Generated<Date>;
  };
  shop_order_lines: {
    id: Generated<number>;
    order_id: number;
    product_id: number;
    sku: string;
    name: string;
    product_type: string;
    qty: number;
    unit_price: number;
    tax_rate: number;
  };
  shop_invoices: {
    id: Generated<number>;
    number: string;
    order_id: number;
    state: 'open' | 'paid' | 'cancelled';
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  shop_payments: {
    id: Generated<number>;
    invoice_id: number;
    method: string;
    amount: number;
    txn_id: string | null;
    captured_at: Generated<Date>;
  };
  shop_credit_memos: {
    id: Generated<number>;
    number: string;
    invoice_id: number | null;
    order_id: number;
    reason: string | null;
    /** Shipping refunded with this memo. */
    shipping_amount: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  /** What a credit memo refunds of each order line (a partial refund names some lines, some quantities). */
  shop_credit_memo_lines: {
    id: Generated<number>;
    credit_memo_id: number;
    order_line_id: number;
    qty: number;
  };
}

export type ShopDb = Kysely<ShopTables>;
export type ShopTx = Transaction<ShopTables>;
