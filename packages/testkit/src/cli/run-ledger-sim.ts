import type { EventEmitter } from 'node:events';
import { LedgerSimulator } from '../simulator/ledger-simulator.js';
import { parseSimArgs, USAGE } from './parse-sim-args.js';

export interface LedgerSimIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Where SIGINT and SIGTERM come from (the process, in production). */
  readonly signals: EventEmitter;
}

/**
 * The `byte8-ledger-sim` command: starts the simulator, prints where it
 * listens and one line per delivery, pull and callback, and stops on
 * SIGINT/SIGTERM. Resolves with the exit code once stopped.
 */
export async function runLedgerSim(argv: readonly string[], io: LedgerSimIo): Promise<number> {
  let args: ReturnType<typeof parseSimArgs>;
  try {
    args = parseSimArgs(argv);
  } catch (error) {
    io.err(`byte8-ledger-sim: ${error instanceof Error ? error.message : String(error)}`);
    io.err(USAGE);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  const sim = await LedgerSimulator.start({ ...args.options, onActivity: io.out });
  if (args.tenant) sim.registerTenant(args.tenant);
  io.out(`byte8-ledger-sim listening on ${sim.url}`);
  io.out(`Open ${sim.url}/ to see the tenants, deliveries, pulls and callbacks (${sim.url}/activity.json as JSON).`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.signals.off('SIGINT', stop);
      io.signals.off('SIGTERM', stop);
      resolve();
    };
    io.signals.on('SIGINT', stop);
    io.signals.on('SIGTERM', stop);
  });
  await sim.stop();
  io.out('byte8-ledger-sim stopped');
  return 0;
}
