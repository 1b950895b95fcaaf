import type { LedgerTransport } from '@byte8/core';
import pg from 'pg';
import { invoiceBody } from './backlog.js';
import { type BenchTenant, PROVIDER } from './tenant.js';

/** Job payload of both peers: the key and the exact body, stored at enqueue as our outbox does. */
export interface PostJob {
  readonly key: string;
  readonly body: string;
}

/** The same request our worker sends: our undici transport, a fresh JWT per request, the stored body. */
export async function post(transport: LedgerTransport, tenant: BenchTenant, job: PostJob): Promise<void> {
  const r = await transport.deliver({ ...tenant.auth, provider: PROVIDER, providerParam: null, eventName: 'invoice.created', idempotencyKey: job.key, body: job.body });
  if (r.kind !== 'response' || r.statusCode !== 202) throw new Error(`delivery failed: ${r.kind}`);
}

export function jobs(backlog: number, prefix: string): PostJob[] {
  return Array.from({ length: backlog }, (_, i) => ({ key: `${prefix}:${i + 1}`, body: invoiceBody(i + 1) }));
}

async function countWhere(url: string, query: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(query)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** Polls every 20 ms until `query` counts zero (a peer's drain is over when no unfinished job is left). */
export async function waitUntilZero(url: string, query: string): Promise<void> {
  while ((await countWhere(url, query)) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** ANALYZE after the bulk load, as for our outbox: the planner sees the table as autovacuum would leave it. */
export async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
