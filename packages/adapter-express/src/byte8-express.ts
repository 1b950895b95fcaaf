import type { Byte8, DrainWorkerHandle } from '@byte8/client';
import type { HostHooks } from '@byte8/core';
import type { RequestHandler } from 'express';
import { type AdminRouterOptions, adminRouter, assertAdminAuth } from './admin/admin-router.js';
import { inboundMiddleware } from './inbound/inbound-middleware.js';

export interface Byte8ExpressOptions {
  /** A ready connector, from `createByte8()` of `@byte8/client`. */
  readonly byte8: Byte8;
  /** Admin pages. `auth` (your own authentication middleware) is required. */
  readonly admin: Omit<AdminRouterOptions, 'admin' | 'providers' | 'direct'>;
}

/** What `byte8Express()` gives a host. */
export interface Byte8Express {
  /** Serves the ledger's routes `/rest/V1/byte8/*`: `app.use(router)`, before any body parser. */
  readonly router: RequestHandler;
  /** The admin pages behind your auth: `app.use('/admin/byte8', adminRouter)`. */
  readonly adminRouter: RequestHandler;
  /** Call on saves, inside your transaction: `hooks.invoiceSaved(change, { transaction: trx })`. */
  readonly hooks: HostHooks;
  /** The drain loop in this process: `worker.start()` / `await worker.stop()`. */
  readonly worker: DrainWorkerHandle;
  readonly byte8: Byte8;
}

/**
 * Mounts the Byte8 connector in an Express app.
 *
 * @example
 * const byte8 = await createByte8({ storage, providers: [sageAccounting()], canonicalSource });
 * const connector = byte8Express({ byte8, admin: { auth: requireAdmin } });
 * app.use(connector.router);
 * app.use('/admin/byte8', connector.adminRouter);
 * connector.worker.start();
 */
export function byte8Express(options: Byte8ExpressOptions): Byte8Express {
  assertAdminAuth(options.admin?.auth);
  for (const moved of ['trustProxy', 'maxBodyBytes'] as const) {
    // One setting for every adapter: a second place to set it would silently disagree.
    if (moved in options) throw new Error(`byte8Express: ${moved} is set once, in createByte8({ inbound: { ${moved} } })`);
  }
  const { byte8 } = options;
  return {
    router: inboundMiddleware(byte8.serveNode),
    adminRouter: adminRouter({ ...options.admin, admin: byte8.admin, providers: byte8.providers, direct: byte8.direct }),
    hooks: byte8.hooks,
    worker: byte8.worker,
    byte8,
  };
}
