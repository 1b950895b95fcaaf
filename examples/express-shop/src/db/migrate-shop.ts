import { sql } from 'kysely';
import { migrateShopMysql } from './migrate-shop-mysql.js';
import { onMysql } from './shop-dialect.js';
import type { ShopDb } from './shop-tables.js';

/** Creates the shop's tables if they are missing (idempotent), and brings older ones up to date. */
export async function migrateShop(db: ShopDb): Promise<void> {
  if (onMysql(db)) return migrateShopMysql(db);
  const now = sql`now()`;
  const money = 'double precision';
  await db.schema
    .createTable('shop_customers').ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('phone', 'text')
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('country_id', 'char(2)', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('shop_products').ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('product_type', 'text', (c) => c.notNull().defaultTo('simple'))
    .addColumn('price', money, (c) => c.notNull())
    .addColumn('tax_rate', money, (c) => c.notNull().defaultTo(0))
    .addColumn('stock_qty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('manage_stock', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('shop_orders').ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.references('shop_customers.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('payment_method', 'text', (c) => c.notNull())
    .addColumn('shipping_amount', money, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('shop_order_lines').ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('shop_orders.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('shop_products.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('product_type', 'text', (c) => c.notNull())
    .addColumn('qty', money, (c) => c.notNull())
    .addColumn('unit_price', money, (c) => c.notNull())
    .addColumn('tax_rate', money, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('shop_invoices').ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('order_id', 'integer', (c) => c.notNull().unique().references('shop_orders.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('shop_payments').ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('invoice_id', 'integer', (c) => c.notNull().unique().references('shop_invoices.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('txn_id', 'text')
    .addColumn('captured_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('shop_credit_memos').ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'integer', (c) => c.references('shop_invoices.id'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('shop_orders.id'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`alter table shop_credit_memos add column if not exists shipping_amount double precision not null default 0`.execute(db);
  const memoLines = await sql<{ found: string | null }>`select to_regclass('shop_credit_memo_lines')::text as found`.execute(db);
  if (memoLines.rows[0]?.found) return;
  await db.schema
    .createTable('shop_credit_memo_lines')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('credit_memo_id', 'integer', (c) => c.notNull().references('shop_credit_memos.id'))
    .addColumn('order_line_id', 'integer', (c) => c.notNull().references('shop_order_lines.id'))
    .addColumn('qty', money, (c) => c.notNull())
    .addUniqueConstraint('shop_credit_memo_lines_line_uq', ['credit_memo_id', 'order_line_id'])
    .execute();
  // Memos from before partial refunds refunded the whole order, shipping included.
  await sql`insert into shop_credit_memo_lines (credit_memo_id, order_line_id, qty)
    select m.id, l.id, l.qty from shop_credit_memos m join shop_order_lines l on l.order_id = m.order_id`.execute(db);
  await sql`update shop_credit_memos m set shipping_amount = o.shipping_amount from shop_orders o where o.id = m.order_id`.execute(db);
}

