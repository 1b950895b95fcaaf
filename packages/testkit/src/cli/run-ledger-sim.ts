import type { EventEmitter } from 'node:events';
import { LedgerSimulator } from '../simulator/ledger-simulator.js';
import { parseSimArgs, USAGE } from './parse-sim-args.js';
import { readCommandLine } from './read-command-line.js';
import { waitForStopSignal } from './wait-for-stop-signal.js';

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
  const args = readCommandLine('byte8-ledger-sim', USAGE, () => parseSimArgs(argv), io);
  if (typeof args === 'number') return args;
  const sim = await LedgerSimulator.start({ ...args.options, onActivity: io.out });
  if (args.tenant) sim.registerTenant(args.tenant);
  io.out(`byte8-ledger-sim listening on ${sim.url}`);
  io.out(`Open ${sim.url}/ to see the tenants, deliveries, pulls and callbacks (${sim.url}/activity.json as JSON).`);
  await waitForStopSignal(io.signals);
  await sim.stop();
  io.out('byte8-ledger-sim stopped');
  return 0;
}
