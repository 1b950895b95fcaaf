/** Parses a `Cookie` header; malformed pairs are skipped, later duplicates lose. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(pair.slice(eq + 1).trim()));
    } catch {
      // Not percent-decodable: not one of ours.
    }
  }
  return cookies;
}

export interface CookieOptions {
  readonly path: string;
  readonly maxAgeSeconds?: number;
  readonly secure: boolean;
  /**
   * Default `Strict`. `Lax` only for cookies a top-level navigation from
   * another site must carry (the OAuth callback coming back from the provider).
   */
  readonly sameSite?: 'Strict' | 'Lax';
}

/** A `Set-Cookie` value: always HttpOnly, SameSite=Strict unless told Lax (admin cookies only). */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path || '/'}`, 'HttpOnly', `SameSite=${options.sameSite ?? 'Strict'}`];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
