import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { type Byte8, createByte8, createLogger, createStorage } from '@byte8/client';
import type { CanonicalSource, Clock } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import { sageDirect } from '@byte8/sage-direct';
import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { SageApiSimulator } from '@byte8/testkit/sage-api';
import express, { type RequestHandler } from 'express';
import { byte8Express } from '../byte8-express.js';
import { type AdminClient, adminClient } from './admin-client.test-helpers.js';

export const ADMIN = { user: 'admin', password: 'direct-walkthrough' };
export const SAGE_APP = { clientId: 'shop-sage-app', clientSecret: 'shop-sage-app-secret-91c2' };

/** HTTP Basic, as a small host's admin might do it (a browser sends it on the callback too). */
const requireAdmin: RequestHandler = (req, res, next) => {
  const expected = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
  if (req.headers.authorization === expected) return next();
  res.status(401).set('WWW-Authenticate', 'Basic realm="admin"').send('login required');
};

const nothing = async () => null;
const canonicalSource: CanonicalSource = {
  invoice: nothing,
  creditMemo: nothing,
  customer: nothing,
  product: nothing,
  payment: nothing,
  paymentMethods: async () => [],
  changedSince: async () => [],
};

export interface DirectAdmin {
  readonly sim: SageApiSimulator;
  readonly byte8: Byte8;
  /** `http://127.0.0.1:<port>/admin/byte8` */
  readonly adminUrl: string;
  readonly callbackUrl: string;
  /** Moves the connector's clock (the simulator's moves with `sim.advance`). */
  advance(ms: number): void;
  /** Every log line the connector wrote. */
  logs(): string;
  /** A cookie-keeping client signed in as the admin (a browser of its own). */
  client(): AdminClient;
  close(): Promise<void>;
}

/**
 * An Express shop's admin with Sage in direct mode (and FreeAgent through the
 * ledger beside it), on embedded storage, talking to a Sage simulator whose
 * app has this admin's callback registered.
 */
export async function startDirectAdmin(options: { readonly signInHost?: 'localhost' } = {}): Promise<DirectAdmin> {
  const app = express();
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const adminUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/byte8`;
  const callbackUrl = `${adminUrl}/providers/sage_accounting/oauth/callback`;
  const sim = await SageApiSimulator.start({ clients: [{ ...SAGE_APP, name: 'Byte8 Shop', redirectUris: [callbackUrl] }] });
  let offset = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const storage = await createStorage({ clock });
  const byte8 = await createByte8({
    storage,
    providers: [sageAccounting(), freeAgentAccounting()],
    canonicalSource,
    encryption: { keys: { k1: randomBytes(32).toString('base64') }, activeKeyId: 'k1' },
    logger,
    clock,
    reconciliation: { intervalMs: 0 },
    direct: [
      sageDirect({
        ...SAGE_APP,
        redirectUri: callbackUrl,
        // A browser test signs in on `localhost`: another site than the admin's 127.0.0.1, as Sage is in production.
        authorizeUrl: options.signInHost ? sim.urls.authorize.replace('//127.0.0.1:', `//${options.signInHost}:`) : sim.urls.authorize,
        tokenUrl: sim.urls.token,
        revokeUrl: sim.urls.revoke,
        apiBaseUrl: sim.urls.api,
      }),
    ],
  });
  const connector = byte8Express({ byte8, admin: { auth: requireAdmin } });
  app.use('/admin/byte8', connector.adminRouter);
  const authorization = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
  return {
    sim,
    byte8,
    adminUrl,
    callbackUrl,
    advance: (ms) => {
      offset += ms;
    },
    logs: () => lines.join(''),
    client: () => adminClient(adminUrl, { authorization }),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await byte8.close();
      await sim.stop();
    },
  };
}
