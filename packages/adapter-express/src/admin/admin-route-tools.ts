import type { Flash } from './flash-store.js';

/** What the admin router lends the route handlers it delegates to: its cookies and its redirects. */
export interface AdminRouteTools {
  /** Mount path of the admin router, no trailing slash. */
  readonly base: string;
  readonly cookies: ReadonlyMap<string, string>;
  setCookie(name: string, value: string, options: { readonly maxAgeSeconds: number; readonly sameSite: 'Strict' | 'Lax' }): void;
  /** 303 to `to` with a one-shot message; `Lax` when the request came from another site's redirect. */
  redirectWith(flash: Flash, to: string, sameSite?: 'Strict' | 'Lax'): void;
  /** 303 to another site (a provider's authorize page). */
  redirectAway(url: string): void;
}
