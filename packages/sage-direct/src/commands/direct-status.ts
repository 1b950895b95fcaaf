import type { DirectCommand } from '@byte8/core';

/** `byte8 sage direct:status`: the connection as the admin shows it, and the provider's outbox. */
export const directStatusCommand: DirectCommand = {
  name: 'direct:status',
  description: 'Show the direct Sage connection (business, reconnect needed) and the outbox rows waiting for it',
  options: [{ flags: '--json', description: 'print JSON' }],
  async run(options, context) {
    const view = await context.connection.status();
    const counts = Object.fromEntries((await context.outboxCounts()).map((count) => [count.status, count.count]));
    if (options.json) {
      context.out(JSON.stringify({ provider: context.provider, state: view.state, business: view.business, reason: view.reason, connectedAt: view.connectedAt, outbox: counts }, null, 2));
    } else {
      context.out(`${view.serviceName} (direct mode): ${view.label}`);
      context.out(`  business:  ${view.business ? `${view.business.name} (${view.business.id})` : '-'}`);
      if (view.reason) context.out(`  reason:    ${view.reason}`);
      if (view.detail) context.out(`  detail:    ${view.detail}`);
      context.out(`  outbox:    ${['pending', 'dead_lettered', 'succeeded'].map((status) => `${status} ${counts[status] ?? 0}`).join(', ')}`);
      if (view.state === 'reconnect_needed' && (counts.pending ?? 0) > 0) context.out('  Rows are held until you reconnect to Sage in the admin; none are lost.');
    }
    // Non-zero when documents cannot flow, so a health check can use it.
    return view.state === 'connected' ? 0 : 1;
  },
};
