import { sql } from 'kysely';
import type { ShopDb } from './shop-tables.js';

/**
 * The shop's tables on MySQL/MariaDB, the same columns as on PostgreSQL
 * (migrate-shop.ts). Money is DOUBLE as there; times are DATETIME(3) in UTC.
 */
export async function migrateShopMysql(db: ShopDb): Promise<void> {
  const options = sql.raw('ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
  const now = sql.raw('DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)');
  await sql`CREATE TABLE IF NOT EXISTS shop_customers (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL, first_name VARCHAR(255) NOT NULL,
    last_name VARCHAR(255) NOT NULL, company VARCHAR(255) NULL, phone VARCHAR(64) NULL, street VARCHAR(255) NOT NULL,
    city VARCHAR(255) NOT NULL, postcode VARCHAR(32) NOT NULL, country_id CHAR(2) NOT NULL, created_at ${now}, updated_at ${now}
  ) ${options}`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS shop_products (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, sku VARCHAR(64) NOT NULL UNIQUE, name VARCHAR(255) NOT NULL,
    product_type VARCHAR(32) NOT NULL DEFAULT 'simple', price DOUBLE NOT NULL, tax_rate DOUBLE NOT NULL DEFAULT 0,
    stock_qty INT NOT NULL DEFAULT 0, manage_stock BOOLEAN NOT NULL DEFAULT TRUE, created_at ${now}, updated_at ${now}
  ) ${options}`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS shop_orders (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, number VARCHAR(32) NOT NULL, customer_id INT NULL,
    email VARCHAR(255) NOT NULL, first_name VARCHAR(255) NOT NULL, last_name VARCHAR(255) NOT NULL, currency CHAR(3) NOT NULL,
    payment_method VARCHAR(64) NOT NULL, shipping_amount DOUBLE NOT NULL DEFAULT 0, created_at ${now},
    FOREIGN KEY (customer_id) REFERENCES shop_customers (id)
  ) ${options}`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS shop_order_lines (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, order_id INT NOT NULL, product_id INT NOT NULL, sku VARCHAR(64) NOT NULL,
    name VARCHAR(255) NOT NULL, product_type VARCHAR(32) NOT NULL, qty DOUBLE NOT NULL, unit_price DOUBLE NOT NULL, tax_rate DOUBLE NOT NULL,
    FOREIGN KEY (order_id) REFERENCES shop_orders (id), FOREIGN KEY (product_id) REFERENCES shop_products (id)
  ) ${options}`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS shop_invoices (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, number VARCHAR(32) NOT NULL, order_id INT NOT NULL UNIQUE, state VARCHAR(16) NOT NULL,
    created_at ${now}, updated_at ${now}, FOREIGN KEY (order_id) REFERENCES shop_orders (id)
  ) ${options}`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS shop_payments (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, invoice_id INT NOT NULL UNIQUE, method VARCHAR(64) NOT NULL, amount DOUBLE NOT NULL,
    txn_id VARCHAR(255) NULL, captured_at ${now}, FOREIGN KEY (invoice_id) REFERENCES shop_invoices (id)
  ) ${options}`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS shop_credit_memos (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, number VARCHAR(32) NOT NULL, invoice_id INT NULL, order_id INT NOT NULL,
    reason TEXT NULL, shipping_amount DOUBLE NOT NULL DEFAULT 0, created_at ${now}, updated_at ${now},
    FOREIGN KEY (invoice_id) REFERENCES shop_invoices (id), FOREIGN KEY (order_id) REFERENCES shop_orders (id)
  ) ${options}`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS shop_credit_memo_lines (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, credit_memo_id INT NOT NULL, order_line_id INT NOT NULL, qty DOUBLE NOT NULL,
    UNIQUE KEY shop_credit_memo_lines_line_uq (credit_memo_id, order_line_id),
    FOREIGN KEY (credit_memo_id) REFERENCES shop_credit_memos (id), FOREIGN KEY (order_line_id) REFERENCES shop_order_lines (id)
  ) ${options}`.execute(db);
}
