import type { AdminApi, HostHooks, Provider } from '@byte8/core';
import express, { type Request, type Response, type Router } from 'express';
import type { ShopDb } from '../db/shop-tables.js';
import { createCustomer, createProduct, setStock } from '../domain/catalog.js';
import { invoiceOrder, payInvoice, placeOrder, refundInvoice } from '../domain/sales.js';
import { ShopError } from '../domain/shop-deps.js';
import { renderDocumentPage } from './document-page.js';
import { renderHomePage } from './home-page.js';

export interface ShopRouterDeps {
  readonly db: ShopDb;
  readonly hooks: HostHooks;
  readonly admin: AdminApi;
  readonly providers: readonly Provider[];
  /** Where the connector's admin pages are mounted. */
  readonly adminPath: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const int = (value: unknown): number => (/^\d{1,9}$/.test(text(value)) ? Number(value) : Number.NaN);

/** The shop's pages: the back office and its documents, with plain HTML forms. */
export function shopRouter(deps: ShopRouterDeps): Router {
  const router = express.Router();
  const shop = { db: deps.db, hooks: deps.hooks };
  router.use(express.urlencoded({ extended: false, limit: '16kb' }));

  // Post/Redirect/Get; a refused request re-renders the page with the reason (400).
  const action = (run: (req: Request) => Promise<string | undefined>) => async (req: Request, res: Response) => {
    try {
      res.redirect(303, (await run(req)) ?? '/');
    } catch (error) {
      if (!(error instanceof ShopError)) throw error;
      res.status(400).type('html').send(await renderHomePage(deps.db, deps.adminPath, error.message));
    }
  };

  router.get('/', async (_req, res) => {
    res.type('html').send(await renderHomePage(deps.db, deps.adminPath, null));
  });
  router.post('/customers', action(async (req) => {
    const b = req.body as Record<string, unknown>;
    await createCustomer(shop, {
      email: text(b.email), firstName: text(b.firstName), lastName: text(b.lastName),
      street: text(b.street), city: text(b.city), postcode: text(b.postcode), countryId: text(b.countryId) || 'GB',
    });
    return undefined;
  }));
  router.post('/products', action(async (req) => {
    const b = req.body as Record<string, unknown>;
    await createProduct(shop, { sku: text(b.sku), name: text(b.name), price: Number(text(b.price)), taxRate: Number(text(b.taxPercent) || '0') / 100, stockQty: int(b.stockQty) });
    return undefined;
  }));
  router.post('/products/:id/stock', action(async (req) => {
    await setStock(shop, int(req.params.id), int((req.body as Record<string, unknown>).stockQty));
    return undefined;
  }));
  router.post('/orders', action(async (req) => {
    const b = req.body as Record<string, unknown>;
    const guest = text(b.customerId) === 'guest';
    await placeOrder(shop, {
      customerId: guest ? null : int(b.customerId),
      ...(guest ? { guest: { email: text(b.guestEmail), firstName: 'Guest', lastName: 'Customer' } } : {}),
      items: [{ productId: int(b.productId), qty: int(b.qty) }],
      paymentMethod: text(b.paymentMethod) || 'checkmo',
    });
    return undefined;
  }));
  router.post('/orders/:id/invoice', action(async (req) => `/invoices/${await invoiceOrder(shop, int(req.params.id))}`));
  router.post('/invoices/:id/pay', action(async (req) => {
    await payInvoice(shop, int(req.params.id), `demo-${Date.now()}`);
    return `/invoices/${int(req.params.id)}`;
  }));
  router.post('/invoices/:id/refund', action(async (req) => `/creditmemos/${await refundInvoice(shop, int(req.params.id), text((req.body as Record<string, unknown>).reason))}`));
  for (const [path, entityType] of [['invoices', 'invoice'], ['creditmemos', 'creditmemo']] as const) {
    router.get(`/${path}/:id`, async (req, res, next) => {
      const id = int(req.params.id);
      const page = Number.isNaN(id) ? null : await renderDocumentPage(deps, entityType, id);
      if (!page) return next();
      res.type('html').send(page);
    });
  }
  return router;
}
