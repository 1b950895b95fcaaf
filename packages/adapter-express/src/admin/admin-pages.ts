import type { Request, Response } from 'express';
import { renderConfigPage } from '../render/config-page.js';
import { type DashboardEntry, renderDashboardPage } from '../render/dashboard-page.js';
import { renderDocumentListPage } from '../render/document-list-page.js';
import { renderDocumentPage } from '../render/document-page.js';
import { renderMessagePage } from '../render/message-page.js';
import { renderSyncPage } from '../render/sync-page.js';
import { ENTITY_PATHS } from './admin-actions.js';
import type { AdminPageKit } from './admin-page-kit.js';
import type { AdminRoutes } from './admin-routes.js';
import { DIRECT_CALLBACK_PATH, directCallback } from './direct-routes.js';
import { parseDocumentListParams } from './document-list-query.js';
import { loadConfigViews } from './load-config-views.js';
import { loadDocumentList } from './load-document-list.js';

/** A GET: dashboard, configuration, the ledger's sync page, document lists and details. False when no page matched. */
export async function handleAdminPage(routes: AdminRoutes, kit: AdminPageKit, request: Request, response: Response): Promise<boolean> {
  const { ctx, tools, segments, send } = kit;
  const { admin, providers } = routes;
  const callbackOf =
    request.method === 'GET' && segments[0] === 'providers' && segments.slice(2).join('/') === DIRECT_CALLBACK_PATH ? routes.direct.get(segments[1]!) : undefined;
  if (callbackOf) {
    await directCallback(callbackOf, request, tools);
    return true;
  }
  if (segments.length === 0) {
    const entries = await Promise.all(
      providers.map(async (provider): Promise<DashboardEntry> => {
        const figures = await admin.dashboardFigures(provider.key);
        const direct = routes.direct.get(provider.key);
        if (direct) return { provider, figures, direct: await direct.status() };
        return provider.healthTile
          ? { provider, figures, tile: await admin.dashboardTile(provider.key) }
          : { provider, figures, status: await admin.connectionStatus(provider.key) };
      }),
    );
    send(200, renderDashboardPage(ctx, entries));
    return true;
  }
  if (segments.length === 1 && segments[0] === 'config') {
    const views = await loadConfigViews(admin, providers, routes.direct);
    const publicBaseUrl = (routes.publicBaseUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`).replace(/\/+$/, '');
    send(200, renderConfigPage(ctx, views, publicBaseUrl, kit.takeFlash()));
    return true;
  }
  if (segments.length === 2 && segments[0] === 'sync') {
    const provider = routes.providerByKey.get(segments[1]!);
    if (!provider) return false;
    const direct = routes.direct.get(provider.key);
    if (direct) {
      const message = `${provider.labels.name} posts straight to ${direct.serviceName} (direct mode): there is no ledger sync page. Each document's status is in the invoice and credit memo lists.`;
      tools.redirectWith({ kind: 'success', message }, `${tools.base}/config#${provider.key}`);
      return true;
    }
    const status = await admin.connectionStatus(provider.key);
    if (!status.connected || !status.tenantId) {
      tools.redirectWith({ kind: 'error', message: `${provider.labels.name} is not connected: pair it first.` }, `${tools.base}/config#${provider.key}`);
      return true;
    }
    response.set('Content-Security-Policy', `frame-src ${new URL(status.ledgerBaseUrl).origin}; frame-ancestors 'self'`);
    send(200, renderSyncPage(ctx, provider, status.ledgerBaseUrl, status.tenantId));
    return true;
  }
  const entityType = ENTITY_PATHS[segments[0] ?? ''];
  if (entityType && segments.length === 1) {
    const params = parseDocumentListParams(request.query as Record<string, unknown>, providers);
    const list = await loadDocumentList({ admin, providers, documents: routes.documents }, entityType, params, routes.pageSize);
    send(200, renderDocumentListPage(ctx, entityType, params, list, routes.pageSize, kit.takeFlash()));
    return true;
  }
  if (entityType && segments.length === 2) {
    const notFound = () => send(404, renderMessagePage(ctx, 'Not found', 'There is no such document.'));
    if (!/^\d{1,15}$/.test(segments[1]!) || Number(segments[1]) < 1) {
      notFound();
      return true;
    }
    const id = Number(segments[1]);
    const document = routes.documents ? ((await routes.documents.byIds(entityType, [id]))[0] ?? null) : null;
    if (routes.documents && !document) {
      notFound();
      return true;
    }
    const views = await Promise.all(
      providers.map(async (provider) => ({
        provider,
        view: await admin.documentStatus(entityType, id, provider.key),
        events: await admin.eventStatuses(entityType, id, provider.key),
      })),
    );
    send(200, renderDocumentPage(ctx, entityType, id, document, views, kit.takeFlash()));
    return true;
  }
  return false;
}
