/** What the ledger answered to one delivery. `statusCode` 0 = no HTTP answer. */
export type DeliveryResponse =
  | { readonly kind: 'response'; readonly statusCode: number; readonly body: string; readonly retryAfterMs: number | null }
  | { readonly kind: 'network-error'; readonly message: string };

export interface DeliveryRequest {
  readonly baseUrl: string;
  readonly tenantId: string;
  readonly masterKey: string;
  readonly provider: string;
  /** `?provider=` value for the webhook URL; null for Sage, the legacy default (design §4). */
  readonly providerParam: string | null;
  readonly eventName: string;
  readonly idempotencyKey: string;
  readonly body: string;
}

export interface LedgerAuth {
  readonly baseUrl: string;
  readonly tenantId: string;
  readonly masterKey: string;
}

/** `GET /v1/tile/health` (wire-contract §6.12); `{}` members are optional. */
export interface LedgerHealth {
  readonly tenant?: { readonly magento_connection_status?: string };
  readonly binding?: { readonly status?: string; readonly region?: string };
  readonly sync?: { readonly last_run_at?: string | null; readonly pending_count?: number; readonly failed_24h?: number };
}

/** Port: HTTP to the ledger (design §3). */
export interface LedgerTransport {
  deliver(request: DeliveryRequest): Promise<DeliveryResponse>;
  /** Never throws; `null` when the ledger could not be read (the admin shows "unreachable"). */
  fetchHealth(auth: LedgerAuth): Promise<LedgerHealth | null>;
  fetchStatus(auth: LedgerAuth, entityType: string, entityId: number): Promise<unknown>;
  /** Best effort; true when the ledger acknowledged with 2xx. */
  disconnect(auth: LedgerAuth): Promise<boolean>;
  close(): Promise<void>;
}
