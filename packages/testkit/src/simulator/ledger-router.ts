import { type RouteReply, refuse, reply } from './http-io.js';
import type { PairOptions, PairResult } from './pair-driver.js';
import type { RouteContext } from './route-context.js';
import { handleDisconnect, handleHealth, handleStatus } from './tenant-routes.js';
import { handleWebhook } from './webhook-route.js';

const WEBHOOK_PATH = /^\/webhooks\/magento\/([^/]+)\/([^/]+)\/?$/;

export interface RouterDeps {
  readonly ctx: RouteContext;
  readonly pair: (hostBaseUrl: string, pairingCode: string, options: PairOptions) => Promise<PairResult>;
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
  const routes: Record<string, [string, () => RouteReply | Promise<RouteReply>]> = {
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
