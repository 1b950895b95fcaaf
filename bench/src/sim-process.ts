/**
 * The ledger simulator in its own process, so its CPU (JWT checks, JSON
 * parsing) does not share a thread with the worker being measured.
 * Protocol over the IPC channel: the parent sends `{ op, id, ... }`, the
 * child answers `{ id, result }`.
 */
import { LedgerSimulator } from '@byte8/testkit';

type Request =
  | { readonly op: 'register'; readonly id: number; readonly tenantId: string; readonly masterKey: string }
  | { readonly op: 'stats'; readonly id: number }
  | { readonly op: 'receipts'; readonly id: number }
  | { readonly op: 'stop'; readonly id: number };

const sim = await LedgerSimulator.start({ policy: 'none', record: process.argv.includes('--record') });

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

process.on('message', async (message: Request) => {
  const answer = (result: unknown) => process.send?.({ id: message.id, result });
  switch (message.op) {
    case 'register':
      sim.registerTenant({ tenantId: message.tenantId, masterKey: message.masterKey });
      answer(true);
      break;
    case 'stats':
      answer({ ...sim.stats, cpuMicros: cpuMicros() });
      break;
    case 'receipts':
      answer(
        sim.exchanges
          .filter((e) => e.direction === 'to-ledger' && e.status === 202)
          .map((e) => [e.headers['idempotency-key'] ?? '', e.startedAt.getTime() + e.durationMs]),
      );
      break;
    case 'stop':
      await sim.stop();
      answer(true);
      process.disconnect();
      break;
  }
});

// The parent died without `stop`: do not outlive it.
process.on('disconnect', () => process.exit(0));

process.send?.({ id: 0, result: sim.url });
