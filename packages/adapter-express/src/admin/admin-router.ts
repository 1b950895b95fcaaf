import type { AdminApi, DirectConnection, Provider } from '@byte8/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { HostDocuments } from '../documents/host-documents.js';
import { adminPageKit } from './admin-page-kit.js';
import { handleAdminPage } from './admin-pages.js';
import { handleAdminPost } from './admin-posts.js';
import type { AdminRoutes } from './admin-routes.js';
import { composeHandlers } from './compose-handlers.js';
import { FlashStore } from './flash-store.js';

export interface AdminRouterOptions {
  readonly admin: AdminApi;
  readonly providers: readonly Provider[];
  /**
   * The host's own authentication middleware (one or several). Required:
   * the pages pair, disconnect and requeue, so they are never public.
   */
  readonly auth: RequestHandler | readonly RequestHandler[];
  /** Lists the host's invoices and credit memos beside the chips. */
  readonly documents?: HostDocuments;
  /** The store's public base URL the merchant pastes into the ledger. Default: from the request. */
  readonly publicBaseUrl?: string;
  /** Page heading. Default `Byte8 connector`. */
  readonly title?: string;
  /** Rows per list page. Default 20. */
  readonly pageSize?: number;
  /** Providers in direct mode (`byte8.direct`): their config section is the OAuth connection, not pairing. */
  readonly direct?: ReadonlyMap<string, DirectConnection>;
}

/** Fails at boot, naming the option, when no auth middleware is given. */
export function assertAdminAuth(auth: unknown, optionName = 'admin.auth'): readonly RequestHandler[] {
  const list = Array.isArray(auth) ? auth : auth === undefined || auth === null ? [] : [auth];
  if (list.length === 0 || list.some((h) => typeof h !== 'function')) {
    throw new Error(
      `${optionName} is required: pass your own authentication middleware (e.g. { auth: requireAdmin }) so the connector's admin pages are never public.`,
    );
  }
  return list as RequestHandler[];
}

/**
 * The connector's admin pages, server-rendered (wire-contract §10), for every
 * installed provider: dashboard tile (providers that have one) and figures,
 * configuration (ledger pairing or direct connection), invoice and
 * credit-memo lists with status chips and "Sync again", and detail blocks.
 * Mount it under a path of your admin:
 * `app.use('/admin/byte8', adminRouter(...))`. Every POST needs the
 * double-submit CSRF token the pages embed.
 */
export function adminRouter(options: AdminRouterOptions): RequestHandler {
  const auth = assertAdminAuth(options.auth);
  if (options.providers.length === 0) throw new Error('providers: install at least one provider');
  const flashes = new FlashStore();
  const routes: AdminRoutes = {
    admin: options.admin,
    providers: options.providers,
    providerByKey: new Map(options.providers.map((p) => [p.key, p])),
    direct: options.direct ?? new Map<string, DirectConnection>(),
    documents: options.documents,
    publicBaseUrl: options.publicBaseUrl,
    pageSize: options.pageSize ?? 20,
  };
  const page = { providers: options.providers, title: options.title ?? 'Byte8 connector' };

  const pages = async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    if (request.method !== 'POST' && request.method !== 'GET' && request.method !== 'HEAD') return next();
    const kit = adminPageKit(request, response, flashes, page);
    const handled = request.method === 'POST' ? await handleAdminPost(routes, kit, request) : await handleAdminPage(routes, kit, request, response);
    if (!handled) next();
  };

  return composeHandlers(auth, (request, response, next) => {
    pages(request, response, next).catch(next);
  });
}
