import type { AdminApi, HostHooks, Provider } from '@byte8/core';
import express, { type Request, type Response, type Router } from 'express';
import type { ShopDb } from '../db/shop-tables.js';
import { createCustomer, createProduct, setStock } from '../domain/catalog.js';
import { refundInvoice } from '../domain/refunds.js';
import { invoiceOrder, payInvoice, placeOrder } from '../domain/sales.js';
import { ShopError } from '../domain/shop-deps.js';
import { renderDocumentPage } from './document-page.js';
import { renderHomePage } from './home-page.js';
import { readRefundForm } from './refund-form.js';

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
/** The posted form; a POST without a body (or with another content type) is an empty form, never a crash. */
const formOf = (req: Request): Record<string, unknown> => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});

/** The shop's pages: the back office and its documents, with plain HTML forms. */
export function shopRouter(deps: ShopRouterDeps): Router {
  const router = express.Router();
  const shop = { db: deps.db, hooks: deps.hooks };
  router.use(express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 200 }));
  const home = (notice: { placedOrderId?: number | null; error?: string | null } = {}) =>
    renderHomePage({ db: deps.db, admin: deps.admin, providers: deps.providers, adminPath: deps.adminPath }, notice);

  // Post/Redirect/Get; a refused request re-renders the page it came from with the reason (400).
  const action =
    (run: (req: Request) => Promise<string | undefined>, refusedPage?: (req: Request, error: string) => Promise<string | null>) =>
    async (req: Request, res: Response) => {
      try {
        res.redirect(303, (await run(req)) ?? '/');
      } catch (error) {
        if (!(error instanceof ShopError)) throw error;
        const page = (await refusedPage?.(req, error.message)) ?? (await home({ error: error.message }));
        res.status(400).type('html').send(page);
      }
    };

  router.get('/', async (req, res) => {
    const placed = int(req.query.placed);
    res.type('html').send(await home({ placedOrderId: Number.isNaN(placed) ? null : placed }));
  });
  router.post('/customers', action(async (req) => {
    const b = formOf(req);
    await createCustomer(shop, {
      email: text(b.email), firstName: text(b.firstName), lastName: text(b.lastName),
      street: text(b.street), city: text(b.city), postcode: text(b.postcode), countryId: text(b.countryId) || 'GB',
    });
    return undefined;
  }));
  router.post('/products', action(async (req) => {
    const b = formOf(req);
    const price = text(b.price).trim();
    await createProduct(shop, {
      sku: text(b.sku), name: text(b.name), price: price === '' ? Number.NaN : Number(price),
      taxRate: Number(text(b.taxPercent) || '0') / 100, stockQty: int(b.stockQty),
    });
    return undefined;
  }));
  router.post('/products/:id/stock', action(async (req) => {
    await setStock(shop, int(req.params.id), int(formOf(req).stockQty));
    return undefined;
  }));
  router.post('/orders', action(async (req) => {
    const b = formOf(req);
    const guest = text(b.customerId) === 'guest';
    const id = await placeOrder(shop, {
      customerId: guest ? null : int(b.customerId),
      ...(guest ? { guest: { email: text(b.guestEmail).trim(), firstName: 'Guest', lastName: 'Customer' } } : {}),
      items: [{ productId: int(b.productId), qty: int(b.qty) }],
      paymentMethod: text(b.paymentMethod) || 'checkmo',
    });
    return `/?placed=${id}#order-${id}`;
  }));
  router.post('/orders/:id/invoice', action(async (req) => `/invoices/${await invoiceOrder(shop, int(req.params.id))}`));
  router.post('/invoices/:id/pay', action(async (req) => {
    await payInvoice(shop, int(req.params.id), `demo-${Date.now()}`);
    return `/invoices/${int(req.params.id)}`;
  }));
  router.post(
    '/invoices/:id/refund',
    action(
      async (req) => `/creditmemos/${await refundInvoice(shop, int(req.params.id), readRefundForm(formOf(req)))}`,
      async (req, error) => (Number.isNaN(int(req.params.id)) ? null : renderDocumentPage(deps, 'invoice', int(req.params.id), error)),
    ),
  );
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

