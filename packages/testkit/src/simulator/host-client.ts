import { contactSchema, creditMemoSchema, type EntityType, invoiceSchema, paymentSchema, productSchema, type SyncStateCallback } from '@byte8/core';
import { Agent, request } from 'undici';
import { mintInboundToken } from '../crypto/inbound-token.js';
import { flatHeaders, parseJson } from './http-io.js';
import type { PullRecord } from './records.js';
import type { RequestLog } from './request-log.js';
import type { SimTenant } from './tenant-registry.js';

/** A pullable canonical resource: an entity type, or `payment` (by invoice id). */
export type PullTarget = EntityType | 'payment';

interface SafeParser {
  safeParse(value: unknown): { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

const SCHEMAS: Record<PullTarget, SafeParser> = {
  invoice: invoiceSchema,
  creditmemo: creditMemoSchema,
  customer: contactSchema,
  product: productSchema,
  payment: paymentSchema,
};

export interface HostResponse {
  /** 0 on a network error. */
  readonly status: number;
  readonly body: string;
  readonly error: string | null;
}

export interface HostClientOptions {
  readonly log: RequestLog;
  readonly timeoutMs: number;
  /** Unix seconds. */
  readonly now: () => number;
  readonly tokenTtlSeconds: number;
  readonly nbfBackdateSeconds: number;
}

/** The simulator's calls into the host: pulls, callbacks, pairing. Every call is recorded. */
export class HostClient {
  readonly #agent: Agent;

  constructor(readonly options: HostClientOptions) {
    this.#agent = new Agent({ connectTimeout: 5000, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  }

  /** A fresh inbound token for one request (unique jti). */
  token(tenant: SimTenant): string {
    return mintInboundToken({
      tenantId: tenant.tenantId,
      subkey: tenant.inboundKey,
      now: this.options.now(),
      ttlSeconds: this.options.tokenTtlSeconds,
      nbfBackdateSeconds: this.options.nbfBackdateSeconds,
    });
  }

  /** Sends one request and records it; network errors come back as status 0. */
  async send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<HostResponse> {
    const startedAt = new Date();
    const started = performance.now();
    let result: HostResponse;
    try {
      const response = await request(url, { method: method as 'GET', headers, body: body ?? null, dispatcher: this.#agent });
      result = { status: response.statusCode, body: await response.body.text(), error: null };
    } catch (error) {
      result = { status: 0, body: '', error: error instanceof Error ? error.message : String(error) };
    }
    const parsed = new URL(url);
    this.options.log.exchange({
      direction: 'to-host',
      method,
      url,
      path: parsed.pathname + parsed.search,
      headers: flatHeaders(headers),
      body: body ?? '',
      status: result.status,
      responseBody: result.body,
      startedAt,
      durationMs: performance.now() - started,
      error: result.error,
    });
    return result;
  }

  /** `GET {host}/rest/V1/byte8/{target}/{id}`, validated against the canonical schema. */
  async pull(tenant: SimTenant, target: PullTarget, id: number, token = this.token(tenant)): Promise<PullRecord> {
    const url = `${hostBase(tenant)}/rest/V1/byte8/${target}/${id}`;
    const response = await this.send('GET', url, { authorization: `Bearer ${token}`, accept: 'application/json' });
    const body = parseJson(response.body);
    let issues: string[] = [];
    if (response.status === 200) {
      const parsed = SCHEMAS[target].safeParse(body);
      issues = parsed.success ? [] : (parsed.error?.issues ?? []).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    } else {
      issues = [response.error ?? `HTTP ${response.status}`];
    }
    const record: PullRecord = {
      tenantId: tenant.tenantId,
      entityType: target,
      entityId: id,
      status: response.status,
      valid: response.status === 200 && issues.length === 0,
      issues,
      body,
      at: new Date(this.options.now() * 1000),
    };
    this.options.log.pull(record);
    return record;
  }

  /** `POST {host}/rest/V1/byte8/sync-state` with a fresh token. Returns the host's status (0: network error). */
  async callback(tenant: SimTenant, body: SyncStateCallback, syncRunId: string): Promise<number> {
    const response = await this.send('POST', `${hostBase(tenant)}/rest/V1/byte8/sync-state`, {
      authorization: `Bearer ${this.token(tenant)}`,
      'content-type': 'application/json',
      accept: 'application/json',
    }, JSON.stringify(withoutEmptyMessage(body)));
    this.options.log.callback({ tenantId: tenant.tenantId, syncRunId, body, status: response.status, at: new Date(this.options.now() * 1000) });
    return response.status;
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}

/** `message` is this project's optional extra: left out when there is none, as the contract's ledger sends it (§7.9). */
function withoutEmptyMessage(body: SyncStateCallback): Omit<SyncStateCallback, 'message'> & { message?: string } {
  if (body.message !== null) return body as SyncStateCallback & { message: string };
  const { message: _none, ...rest } = body;
  return rest;
}

function hostBase(tenant: SimTenant): string {
  if (tenant.hostBaseUrl === null) throw new Error(`tenant ${tenant.tenantId} has no host base URL to call`);
  return tenant.hostBaseUrl;
}
