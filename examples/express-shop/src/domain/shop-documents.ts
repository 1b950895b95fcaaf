import type { DocumentEntityType, DocumentListQuery, DocumentSort, HostDocument, HostDocuments } from '@byte8/adapter-express';
import { sql } from 'kysely';
import { CREDIT_MEMO_TOTAL, ORDER_TOTAL } from '../db/document-totals.js';
import type { ShopDb } from '../db/shop-tables.js';

const ORDER: Record<DocumentSort, ReturnType<typeof sql.raw>> = {
  date_desc: sql.raw('d.created_at desc, d.id desc'),
  date_asc: sql.raw('d.created_at asc, d.id asc'),
  number_desc: sql.raw('d.number desc'),
  number_asc: sql.raw('d.number asc'),
  total_desc: sql.raw('total desc, d.id desc'),
  total_asc: sql.raw('total asc, d.id asc'),
};

const TABLE: Record<DocumentEntityType, ReturnType<typeof sql.raw>> = {
  invoice: sql.raw('shop_invoices'),
  creditmemo: sql.raw('shop_credit_memos'),
};

/** An invoice covers its whole order; a credit memo what it refunds. */
const TOTAL = { invoice: ORDER_TOTAL, creditmemo: CREDIT_MEMO_TOTAL } as const;

interface Row {
  id: number;
  number: string;
  created_at: Date;
  currency: string;
  total: string | number;
}

/** The shop's invoices and credit memos for the connector's admin lists. */
export function shopDocuments(db: ShopDb, hrefOf: (entityType: DocumentEntityType, id: number) => string): HostDocuments {
  const toDocument = (entityType: DocumentEntityType) => (row: Row): HostDocument => ({
    id: row.id,
    number: row.number,
    date: new Date(row.created_at),
    total: Number(row.total),
    currency: row.currency.trim(),
    href: hrefOf(entityType, row.id),
  });
  return {
    async list(query: DocumentListQuery) {
      const { rows } = await sql<Row>`select d.id, d.number, d.created_at, o.currency, ${TOTAL[query.entityType]} as total
        from ${TABLE[query.entityType]} d join shop_orders o on o.id = d.order_id
        order by ${ORDER[query.sort]} limit ${query.limit} offset ${query.offset}`.execute(db);
      const count = await sql<{ n: string | number }>`select count(*) as n from ${TABLE[query.entityType]}`.execute(db);
      return { rows: rows.map(toDocument(query.entityType)), total: Number(count.rows[0]?.n ?? 0) };
    },
    async byIds(entityType, ids) {
      if (ids.length === 0) return [];
      const { rows } = await sql<Row>`select d.id, d.number, d.created_at, o.currency, ${TOTAL[entityType]} as total
        from ${TABLE[entityType]} d join shop_orders o on o.id = d.order_id
        where d.id in (${sql.join(ids.map((id) => sql`${id}`))})`.execute(db);
      return rows.map(toDocument(entityType));
    },
  };
}
