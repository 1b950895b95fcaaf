import { BodyTooLargeError, readRequestBody } from '@byte8/client';
import type { AdminApi, DirectConnection, Provider } from '@byte8/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { HostDocuments } from '../documents/host-documents.js';
import { parseCookies, serializeCookie } from '../http/cookies.js';

import { renderConfigPage } from '../render/config-page.js';
import { type DashboardEntry, renderDashboardPage } from '../render/dashboard-page.js';
import { renderDocumentListPage } from '../render/document-list-page.js';
import { renderDocumentPage } from '../render/document-page.js';
import { renderMessagePage } from '../render/message-page.js';
import type { PageContext } from '../render/page-context.js';
import { renderSyncPage } from '../render/sync-page.js';
import { ENTITY_PATHS, runDocumentAction } from './admin-actions.js';
import { composeHandlers } from './compose-handlers.js';
import { CSRF_COOKIE, CSRF_FIELD, csrfTokensMatch, newCsrfToken } from './csrf.js';
import type { AdminRouteTools } from './admin-route-tools.js';
import { DIRECT_CALLBACK_PATH, directAction, directCallback } from './direct-routes.js';
import { parseDocumentListParams } from './document-list-query.js';
import { type Flash, FlashStore } from './flash-store.js';
import { ledgerAction } from './ledger-actions.js';
import { loadConfigViews } from './load-config-views.js';
import { loadDocumentList } from './load-document-list.js';

const FLASH_COOKIE = 'byte8_flash';

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
  const pageSize = options.pageSize ?? 20;
  const providerByKey = new Map(options.providers.map((p) => [p.key, p]));
  const direct = options.direct ?? new Map<string, DirectConnection>();

  const pages = async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const base = request.baseUrl.replace(/\/+$/, '');
    const cookies = parseCookies(request.headers.cookie);
    const cookieOptions = { path: base || '/', secure: request.secure };
    let csrfToken = cookies.get(CSRF_COOKIE);
    if (!csrfToken || csrfToken.length < 32) {
      csrfToken = newCsrfToken();
      response.append('Set-Cookie', serializeCookie(CSRF_COOKIE, csrfToken, cookieOptions));
    }
    const ctx: PageContext = { base, csrfToken, providers: options.providers, title: options.title ?? 'Byte8 connector' };
    const send = (status: number, page: string) => {
      response.status(status).set({
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      if (!response.get('Content-Security-Policy')) response.set('Content-Security-Policy', "frame-ancestors 'self'");
      response.send(page);
    };
    const redirectWith = (flash: Flash, to: string, sameSite: 'Strict' | 'Lax' = 'Strict') => {
      response.append('Set-Cookie', serializeCookie(FLASH_COOKIE, flashes.put(flash), { ...cookieOptions, maxAgeSeconds: 60, sameSite }));
      response.redirect(303, to);
    };
    const tools: AdminRouteTools = {
      base,
      cookies,
      setCookie: (name, value, extra) => response.append('Set-Cookie', serializeCookie(name, value, { ...cookieOptions, ...extra })),
      redirectWith,
      redirectAway: (url) => response.redirect(303, url),
    };
    const takeFlash = (): Flash | null => {
      const id = cookies.get(FLASH_COOKIE);
      if (!id) return null;
      response.append('Set-Cookie', serializeCookie(FLASH_COOKIE, '', { ...cookieOptions, maxAgeSeconds: 0 }));
      return flashes.take(id);
    };
    const path = request.path.replace(/\/+$/, '') || '/';
    const segments = path.split('/').filter(Boolean);

    if (request.method === 'POST') {
      let form: Record<string, unknown>;
      try {
        form = await readForm(request);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return send(413, renderMessagePage(ctx, 'Form too large', 'The form sent more than 64 KiB; nothing was changed.'));
        throw error;
      }
      // Nothing below runs, and nothing changes, without a matching token.
      if (!csrfTokensMatch(cookies.get(CSRF_COOKIE), form[CSRF_FIELD])) {
        return send(403, renderMessagePage(ctx, 'Form expired', 'The form token is missing or does not match. Reload the page and try again.'));
      }
      const actionContext = {
        admin: options.admin,
        providers: options.providers,
        documents: options.documents,
        base,
        redirectWith,
        sendMessage: (status: number, title: string, message: string) => send(status, renderMessagePage(ctx, title, message)),
      };
      if (await runDocumentAction(actionContext, segments, form)) return;
      const [root, key, action] = segments;
      const provider = key ? providerByKey.get(key) : undefined;
      if (root !== 'providers' || !provider || segments.length !== 3) return next();
      const connection = direct.get(provider.key);
      if (connection && (await directAction(connection, provider, action!, form, tools))) return;
      // Direct mode keeps requeue (its dead letters are in the same outbox) but has no pairing.
      if ((!connection || action === 'requeue') && (await ledgerAction(options.admin, provider, action!, form, tools))) return;
      return next();
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const callbackOf = request.method === 'GET' && segments[0] === 'providers' && segments.slice(2).join('/') === DIRECT_CALLBACK_PATH ? direct.get(segments[1]!) : undefined;
    if (callbackOf) return directCallback(callbackOf, request, tools);
    if (segments.length === 0) {
      const entries = await Promise.all(
        options.providers.map(async (provider): Promise<DashboardEntry> => {
          const figures = await options.admin.dashboardFigures(provider.key);
          return provider.healthTile
            ? { provider, figures, tile: await options.admin.dashboardTile(provider.key) }
            : { provider, figures, status: await options.admin.connectionStatus(provider.key) };
        }),
      );
      return send(200, renderDashboardPage(ctx, entries));
    }
    if (segments.length === 1 && segments[0] === 'config') {
      const views = await loadConfigViews(options.admin, options.providers, direct);
      const publicBaseUrl = (options.publicBaseUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`).replace(/\/+$/, '');
      return send(200, renderConfigPage(ctx, views, publicBaseUrl, takeFlash()));
    }
    if (segments.length === 2 && segments[0] === 'sync') {
      const provider = providerByKey.get(segments[1]!);
      if (!provider) return next();
      const status = await options.admin.connectionStatus(provider.key);
      if (!status.connected || !status.tenantId) {
        return redirectWith({ kind: 'error', message: `${provider.labels.name} is not connected: pair it first.` }, `${base}/config#${provider.key}`);
      }
      response.set('Content-Security-Policy', `frame-src ${new URL(status.ledgerBaseUrl).origin}; frame-ancestors 'self'`);
      return send(200, renderSyncPage(ctx, provider, status.ledgerBaseUrl, status.tenantId));
    }
    const entityType = ENTITY_PATHS[segments[0] ?? ''];
    if (entityType && segments.length === 1) {
      const params = parseDocumentListParams(request.query as Record<string, unknown>, options.providers);
      const list = await loadDocumentList({ admin: options.admin, providers: options.providers, documents: options.documents }, entityType, params, pageSize);
      return send(200, renderDocumentListPage(ctx, entityType, params, list, pageSize, takeFlash()));
    }
    if (entityType && segments.length === 2) {
      if (!/^\d{1,15}$/.test(segments[1]!) || Number(segments[1]) < 1) {
        return send(404, renderMessagePage(ctx, 'Not found', 'There is no such document.'));
      }
      const id = Number(segments[1]);
      const document = options.documents ? ((await options.documents.byIds(entityType, [id]))[0] ?? null) : null;
      if (options.documents && !document) return send(404, renderMessagePage(ctx, 'Not found', 'There is no such document.'));
      const views = await Promise.all(
        options.providers.map(async (provider) => ({
          provider,
          view: await options.admin.documentStatus(entityType, id, provider.key),
          events: await options.admin.eventStatuses(entityType, id, provider.key),
        })),
      );
      return send(200, renderDocumentPage(ctx, entityType, id, document, views, takeFlash()));
    }
    next();
  };

  return composeHandlers(auth, (request, response, next) => {
    pages(request, response, next).catch(next);
  });
}

/** The posted form: the host's parser result if one ran, else our own read. */
async function readForm(request: Request): Promise<Record<string, unknown>> {
  if (request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) return request.body as Record<string, unknown>;
  const raw = await readRequestBody(request, 64 * 1024);
  return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
}
