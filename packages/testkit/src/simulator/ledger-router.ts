import { simulatorActivity } from './activity-model.js';
import { renderActivityPage } from './activity-page.js';
import { page, type RouteReply, refuse, reply } from './http-io.js';
import type { PairOptions, PairResult } from './pair-driver.js';
import type { RouteContext } from './route-context.js';
import { handleDisconnect, handleHealth, handleStatus } from './tenant-routes.js';
import { handleWebhook } from './webhook-route.js';

const WEBHOOK_PATH = /^\/webhooks\/magento\/([^/]+)\/([^/]+)\/?$/;
const EMBED_PATH = /^\/embed\/([^/]+)\/?$/;

export interface RouterDeps {
  readonly ctx: RouteContext;
  readonly pair: (hostBaseUrl: string, pairingCode: string, options: PairOptions) => Promise<PairResult>;
  /** Where the simulator listens, shown on its page. */
  readonly url: string;
}

/** Dispatches one request to the simulated ledger's routes; 404/405 otherwise. */
export async function routeLedgerRequest(deps: RouterDeps, method: string, url: URL, headers: Record<string, string>, body: string): Promise<RouteReply> {
  const { ctx } = deps;
  const path = url.pathname;
  const webhook = WEBHOOK_PATH.exec(path);
  if (webhook) {
    if (method !== 'POST') return refuse(405, 'method_not_allowed');
    return handleWebhook(ctx, {
      tenantId: decodeURIComponent(webhook[1]!),
      event: decodeURIComponent(webhook[2]!),
      provider: url.searchParams.get('provider'),
      headers,
      body,
    });
  }
  const embed = EMBED_PATH.exec(path);
  if (embed) {
    if (method !== 'GET') return refuse(405, 'method_not_allowed');
    return embedPage(deps, safeDecode(embed[1]!));
  }
  const routes: Record<string, [string, () => RouteReply | Promise<RouteReply>]> = {
    '/': ['GET', () => page(200, renderActivityPage(simulatorActivity(ctx.log, ctx.tenants, deps.url), { kind: 'simulator' }))],
    '/activity.json': ['GET', () => activityJson(deps, url.searchParams.get('tenant'))],
    '/v1/tile/health': ['GET', () => handleHealth(ctx, headers)],
    '/v1/status': ['GET', () => handleStatus(ctx, headers, url.searchParams)],
    '/v1/tenant/disconnect': ['POST', () => handleDisconnect(ctx, headers, body)],
    '/v1/magento/connect': ['POST', () => handleConnect(deps, body)],
  };
  const route = routes[path];
  if (route === undefined) return refuse(404, 'not_found');
  if (method !== route[0]) return refuse(405, 'method_not_allowed');
  return route[1]();
}

/**
 * `GET /embed/{tenant}` (wire-contract §10.5): what the ledger's embed shows a
 * store's admin, its tenant's sync runs. The real ledger checks its own
 * session; the simulator, a local tool, shows it to whoever asks.
 */
function embedPage(deps: RouterDeps, tenantId: string | null): RouteReply {
  if (tenantId === null || !deps.ctx.tenants.get(tenantId)) {
    return page(404, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unknown tenant</title></head><body><main><h1>Unknown tenant</h1><p>The simulator has no tenant by that id: pair the store again.</p></main></body></html>');
  }
  return page(200, renderActivityPage(simulatorActivity(deps.ctx.log, deps.ctx.tenants, deps.url, { tenantId }), { kind: 'embed', tenantId }));
}

/** `GET /activity.json[?tenant=]`: the simulator page's data. */
function activityJson(deps: RouterDeps, tenantId: string | null): RouteReply {
  if (tenantId !== null && !deps.ctx.tenants.get(tenantId)) return refuse(404, 'unknown_tenant');
  return reply(200, simulatorActivity(deps.ctx.log, deps.ctx.tenants, deps.url, tenantId === null ? {} : { tenantId }));
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** `POST /v1/magento/connect` (the dashboard's call, wire-contract §1.3): pairs from a shell. */
async function handleConnect(deps: RouterDeps, body: string): Promise<RouteReply> {
  let input: { magento_base_url?: unknown; pairing_code?: unknown; provider?: unknown };
  try {
    input = JSON.parse(body);
  } catch {
    return refuse(400, 'invalid_json');
  }
  if (typeof input.magento_base_url !== 'string' || !/^https?:\/\/[^/]+/.test(input.magento_base_url) || typeof input.pairing_code !== 'string') {
    return refuse(400, 'magento_base_url and pairing_code are required');
  }
  const provider = typeof input.provider === 'string' ? input.provider : undefined;
  const result = await deps.pair(input.magento_base_url, input.pairing_code, provider ? { provider } : {});
  if (result.status !== 200) return reply(502, { error: 'pairing_refused', host_status: result.status, host_body: result.body });
  return reply(200, { tenant_id: result.tenantId });
}
