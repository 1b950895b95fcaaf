import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { AesGcmSecretBox, type Byte8Storage, createLogger, systemRandom } from '@byte8/client';
import type { Clock, DirectConnectOutcome, Logger } from '@byte8/core';
import { completeSageConsent, SageApiSimulator } from '@byte8/testkit/sage-api';
import { sageDirect } from './sage-direct.js';
import type { SageDirectConnection } from './sage-direct-connection.js';
import type { SageDirectOptions } from './options/sage-direct-options.js';

export const CLIENT = { clientId: 'shop-app', clientSecret: 'shop-app-secret-7f3a9c', name: 'Shop Connector' };
export const REDIRECT_URI = 'http://127.0.0.1:9/admin/byte8/providers/sage_accounting/oauth/callback';

/** A Sage simulator that knows the shop's app. */
export function startSim(): Promise<SageApiSimulator> {
  return SageApiSimulator.start({ clients: [{ ...CLIENT, redirectUris: [REDIRECT_URI] }] });
}

/** `sageDirect()` options pointing at the simulator. */
export function simOptions(sim: SageApiSimulator, extra: Partial<SageDirectOptions> = {}): SageDirectOptions {
  return {
    clientId: CLIENT.clientId,
    clientSecret: CLIENT.clientSecret,
    redirectUri: REDIRECT_URI,
    authorizeUrl: sim.urls.authorize,
    tokenUrl: sim.urls.token,
    revokeUrl: sim.urls.revoke,
    apiBaseUrl: sim.urls.api,
    ...extra,
  };
}

/** A key ring for the secret box, as a host would configure it. */
export function keyRing(): { keys: Record<string, string>; activeKeyId: string } {
  return { keys: { k1: randomBytes(32).toString('base64') }, activeKeyId: 'k1' };
}

/** A logger writing JSON lines to memory, so a test can look for secrets in them. */
export function capturingLogger(): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ destination, level: 'debug' }), text: () => lines.join('') };
}

export interface Attached {
  readonly sage: SageDirectConnection;
  readonly box: AesGcmSecretBox;
}

/** Attaches Sage direct mode to a storage, as `createByte8({ direct })` does. */
export function attach(
  sim: SageApiSimulator,
  storage: Byte8Storage,
  options: { clock: Clock; logger?: Logger; ring?: ReturnType<typeof keyRing>; box?: AesGcmSecretBox; extra?: Partial<SageDirectOptions> },
): Attached {
  const box = options.box ?? new AesGcmSecretBox(options.ring ?? keyRing());
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const sage = sageDirect(simOptions(sim, options.extra)).attach({ oauthConnections: storage.oauthConnections, secretBox: box, clock: options.clock, random: systemRandom, logger });
  return { sage, box };
}

/** What the browser does: Connect, sign in as `userId` at the simulator, Allow (or Deny), land on the callback. */
export async function connectAs(sage: SageDirectConnection, userId: string, decision: 'allow' | 'deny' = 'allow'): Promise<{ outcome: DirectConnectOutcome; callback: URL; binding: string }> {
  const start = await sage.beginConnect();
  const { location } = await completeSageConsent({ authorizeUrl: start.authorizeUrl, userId, decision });
  if (!location) throw new Error('the simulator did not redirect to the callback');
  const callback = new URL(location);
  const outcome = await sage.completeConnect({ query: Object.fromEntries(callback.searchParams), browserBinding: start.browserBinding });
  return { outcome, callback, binding: start.browserBinding };
}

/** A clock the test moves (the simulator's clock moves with `sim.advance`). */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}
