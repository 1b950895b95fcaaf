import { CompiledQuery, type QueryExecutorProvider, type QueryResult } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TENANT_A, dialects, event, useStorage } from '../contract-setup.test-helpers.js';
import { byte8Tables } from '../byte8-tables.js';
import { runClaimStatement } from './claim-statement.js';
import { runCompleteStatement } from './complete-statement.js';

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** An executor provider that records the plan (EXPLAIN, not run twice) of every statement before running it. */
function explaining(provider: QueryExecutorProvider, plans: PlanNode[][]): QueryExecutorProvider {
  return {
    getExecutor() {
      const executor = provider.getExecutor();
      return new Proxy(executor, {
        get(target, property) {
          if (property !== 'executeQuery') {
            // Bound to the real executor: its private fields are not visible through the proxy.
            const value = Reflect.get(target, property, target);
            return typeof value === 'function' ? value.bind(target) : value;
          }
          return async (compiled: CompiledQuery): Promise<QueryResult<unknown>> => {
            const explain = CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${compiled.sql}`, [...compiled.parameters]);
            const answer = await target.executeQuery<Record<string, unknown>>(explain);
            const raw = Object.values(answer.rows[0]!)[0];
            const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
            plans.push(nodes(doc[0]!.Plan));
            return target.executeQuery(compiled);
          };
        },
      });
    },
  };
}

const OWNER = 'worker-1';

/**
 * Claim and complete must stay index-driven however the table's statistics
 * look: a plan that scans the whole outbox costs more with every row it holds
 * (succeeded rows included), and right after ANALYZE every lease is NULL.
 */
// PostgreSQL's plans and page layout (EXPLAIN FORMAT JSON, fillfactor, ctid): MySQL has its own statements.
describe.each(dialects.filter((d) => d.name !== 'mysql'))('outbox statement plans on $name', (dialect) => {
  const h = useStorage(dialect);

  it('claims rewrite most rows on their own page, so no index changes (fillfactor 50)', async () => {
    await h.storage.outbox.enqueue(Array.from({ length: 400 }, (_, i) => event({ entityId: i + 1, body: `{"pad":"${'x'.repeat(200)}"}` })));
    const pages = async () => {
      const result = await h.storage.db.executeQuery<{ id: string; page: string }>(
        CompiledQuery.raw(`SELECT entity_id::text AS id, (ctid::text::point)[0]::bigint::text AS page FROM byte8_event_outbox`),
      );
      return new Map(result.rows.map((r) => [r.id, r.page]));
    };
    const before = await pages();
    expect(new Set(before.values()).size).toBeGreaterThan(4);
    const claimed = await h.storage.outbox.claim({ owner: OWNER, limit: 400, leaseMs: 60_000, tenants: TENANT_A });
    expect(claimed).toHaveLength(400);
    const after = await pages();
    const stayed = [...before].filter(([id, page]) => after.get(id) === page).length;
    // Full pages (fillfactor 100) moved all but the last page's rows.
    expect(stayed / before.size).toBeGreaterThan(0.9);
  });

  // 100k on PostgreSQL only: filling it takes PGlite most of a minute.
  for (const rows of dialect.name === 'pg' ? [20_000, 100_000] : [20_000]) {
    it(`claims and completes a batch of 500 by primary key at ${rows} rows, after ANALYZE`, { timeout: 120_000 }, async () => {
      for (let from = 1; from <= rows; from += 1000) {
        await h.storage.outbox.enqueue(Array.from({ length: 1000 }, (_, i) => event({ entityId: from + i })));
      }
      await h.storage.db.executeQuery(CompiledQuery.raw('ANALYZE'));
      const tables = byte8Tables(h.storage.schema);
      const plans: PlanNode[][] = [];
      const claimed = await runClaimStatement(explaining(h.storage.db, plans), tables, { owner: OWNER, limit: 500, leaseMs: 60_000, tenants: TENANT_A }, h.clock.now());
      expect(claimed).toHaveLength(500);
      const at = h.clock.now();
      const done = await runCompleteStatement(explaining(h.storage.db, plans), tables, OWNER, claimed.map((r) => ({ kind: 'succeeded', id: r.id, statusCode: 202, at })));
      expect(done).toBe(500);
      expect(plans).toHaveLength(2);
      const shape = (plan: PlanNode[]) => JSON.stringify(plan.map((n) => `${n['Node Type']} ${n['Relation Name'] ?? ''}`));
      for (const plan of plans) {
        const scans = plan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'byte8_event_outbox');
        expect(scans, shape(plan)).toEqual([]);
      }
      // Complete joins nothing: a join's strategy hangs on estimates of the leased rows, which swing as the table drains.
      const joins = plans[1]!.filter((n) => ['Nested Loop', 'Hash Join', 'Merge Join'].includes(n['Node Type']));
      expect(joins, shape(plans[1]!)).toEqual([]);
    });
  }
});
