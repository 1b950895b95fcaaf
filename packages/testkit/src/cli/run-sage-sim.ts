import type { EventEmitter } from 'node:events';
import type { SageRequestRecord } from '../sage-api/log/sage-request-log.js';
import { SageApiSimulator } from '../sage-api/sage-api-simulator.js';
import { parseSageSimArgs, SAGE_SIM_USAGE } from './parse-sage-sim-args.js';
import { readCommandLine } from './read-command-line.js';
import { waitForStopSignal } from './wait-for-stop-signal.js';

export interface SageSimIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Where SIGINT and SIGTERM come from (the process, in production). */
  readonly signals: EventEmitter;
}

/** One line per request: method, path, status, business. Never a token: the log keeps none. */
export function requestLine(record: SageRequestRecord): string {
  const parts = [record.method, record.path, record.status === 0 ? '---' : String(record.status), `business=${record.businessId ?? '-'}`];
  if (record.fault !== null) parts.push(`fault=${record.fault}`);
  if (record.note !== null && record.status >= 400) parts.push(`(${record.note})`);
  return parts.join(' ');
}

function banner(sim: SageApiSimulator, client: { clientId: string; clientSecret: string; redirectUris: readonly string[] }): string[] {
  const lines = [
    `byte8-sage-sim listening on ${sim.url}`,
    `  authorize URL  ${sim.urls.authorize}`,
    `  token URL      ${sim.urls.token}`,
    `  revoke URL     ${sim.urls.revoke}`,
    `  API base       ${sim.urls.api}`,
    `  client id      ${client.clientId}`,
    // A local demo credential, printed so a developer can configure a connector against the simulator.
    `  client secret  ${client.clientSecret}`,
    ...client.redirectUris.map((uri) => `  redirect URI   ${uri}`),
  ];
  for (const user of sim.users()) {
    const businesses = user.businessIds.map((id) => `${sim.business(id).profile.name} ${id}`).join(', ');
    lines.push(`  user           ${user.firstName} ${user.lastName} ${user.id} (${businesses})`);
  }
  return lines;
}

/**
 * The `byte8-sage-sim` command: starts the Sage simulator with the seeded UK
 * businesses and one registered client, prints where everything is, logs a
 * line per request and stops on SIGINT/SIGTERM. Resolves with the exit code.
 */
export async function runSageSim(argv: readonly string[], io: SageSimIo): Promise<number> {
  const args = readCommandLine('byte8-sage-sim', SAGE_SIM_USAGE, () => parseSageSimArgs(argv), io);
  if (typeof args === 'number') return args;
  let sim: SageApiSimulator;
  try {
    sim = await SageApiSimulator.start({ port: args.port, host: args.host, clients: [args.client], rateLimit: args.rateLimit, record: false });
  } catch (error) {
    io.err(`byte8-sage-sim: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  for (const line of banner(sim, args.client)) io.out(line);
  const unsubscribe = sim.onRequest((record) => io.out(requestLine(record)));
  const signal = await waitForStopSignal(io.signals);
  unsubscribe();
  await sim.stop();
  io.out(`byte8-sage-sim stopped (${signal})`);
  return 0;
}
