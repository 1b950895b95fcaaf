import { DIRECT_CONNECT_TTL_SECONDS, directBrowserCookieName } from '@byte8/core';
import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';

/** Only the OAuth routes see the binding cookie. */
const COOKIE_PATH = '/admin/byte8/oauth';

/**
 * The cookie binding a connect to the admin's browser: HttpOnly, and
 * SameSite=Lax because the callback is a navigation coming from the
 * provider's site (Medusa's own session cookie is Lax for the same reason).
 */
export function setBrowserBinding(req: MedusaRequest, res: MedusaResponse, provider: string, value: string): void {
  res.cookie(directBrowserCookieName(provider), value, { httpOnly: true, sameSite: 'lax', path: COOKIE_PATH, maxAge: DIRECT_CONNECT_TTL_SECONDS * 1000, secure: req.secure });
}

/** The binding the browser brought back, spent at once (a later callback must start again). */
export function takeBrowserBinding(req: MedusaRequest, res: MedusaResponse, provider: string): string | null {
  const name = directBrowserCookieName(provider);
  const value = (req as MedusaRequest & { cookies?: Record<string, unknown> }).cookies?.[name];
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', path: COOKIE_PATH, secure: req.secure });
  return typeof value === 'string' && value !== '' ? value : null;
}
