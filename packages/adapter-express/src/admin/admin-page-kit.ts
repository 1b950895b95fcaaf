import type { Request, Response } from 'express';
import { parseCookies, serializeCookie } from '../http/cookies.js';
import type { PageContext } from '../render/page-context.js';
import type { AdminRouteTools } from './admin-route-tools.js';
import { CSRF_COOKIE, newCsrfToken } from './csrf.js';
import type { Flash, FlashStore } from './flash-store.js';

const FLASH_COOKIE = 'byte8_flash';

/** One admin request's page context, responses, redirects and one-shot messages. */
export interface AdminPageKit {
  readonly ctx: PageContext;
  readonly tools: AdminRouteTools;
  /** The path below the router's mount, split on `/`. */
  readonly segments: readonly string[];
  send(status: number, page: string): void;
  /** The flash the last redirect left, once (its cookie is cleared). */
  takeFlash(): Flash | null;
}

export function adminPageKit(request: Request, response: Response, flashes: FlashStore, page: Pick<PageContext, 'providers' | 'title'>): AdminPageKit {
  const base = request.baseUrl.replace(/\/+$/, '');
  const cookies = parseCookies(request.headers.cookie);
  const cookieOptions = { path: base || '/', secure: request.secure };
  let csrfToken = cookies.get(CSRF_COOKIE);
  if (!csrfToken || csrfToken.length < 32) {
    csrfToken = newCsrfToken();
    response.append('Set-Cookie', serializeCookie(CSRF_COOKIE, csrfToken, cookieOptions));
  }
  const send = (status: number, html: string) => {
    response.status(status).set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    if (!response.get('Content-Security-Policy')) response.set('Content-Security-Policy', "frame-ancestors 'self'");
    response.send(html);
  };
  const tools: AdminRouteTools = {
    base,
    cookies,
    setCookie: (name, value, extra) => response.append('Set-Cookie', serializeCookie(name, value, { ...cookieOptions, ...extra })),
    redirectWith: (flash, to, sameSite = 'Strict') => {
      response.append('Set-Cookie', serializeCookie(FLASH_COOKIE, flashes.put(flash), { ...cookieOptions, maxAgeSeconds: 60, sameSite }));
      response.redirect(303, to);
    },
    redirectAway: (url) => response.redirect(303, url),
  };
  const takeFlash = (): Flash | null => {
    const id = cookies.get(FLASH_COOKIE);
    if (!id) return null;
    response.append('Set-Cookie', serializeCookie(FLASH_COOKIE, '', { ...cookieOptions, maxAgeSeconds: 0 }));
    return flashes.take(id);
  };
  const path = request.path.replace(/\/+$/, '') || '/';
  return {
    ctx: { base, csrfToken, providers: page.providers, title: page.title },
    tools,
    segments: path.split('/').filter(Boolean),
    send,
    takeFlash,
  };
}
