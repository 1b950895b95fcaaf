/** How long a connect may take from Connect to callback: the state and its cookie expire together. */
export const DIRECT_CONNECT_TTL_SECONDS = 600;

/**
 * The cookie that binds a connect to the admin's browser (one per provider,
 * so two connects in one browser do not clash). Adapters set it HttpOnly and
 * SameSite=Lax: the callback is a top-level GET coming from the provider's
 * site, which a Strict cookie would not accompany.
 */
export function directBrowserCookieName(provider: string): string {
  return `byte8_oauth_${provider}`;
}
