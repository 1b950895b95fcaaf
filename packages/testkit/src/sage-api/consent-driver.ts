import { request } from 'undici';

export interface ConsentOptions {
  /** The full authorize URL a connector built (`sim.urls.authorize` + its parameters). */
  readonly authorizeUrl: string;
  /** Who signs in (a `SAGE_SEED.users.*.id`). */
  readonly userId: string;
  /** Default `allow`. */
  readonly decision?: 'allow' | 'deny';
}

export interface ConsentResult {
  /** The status of the authorize page (200), or its error status. */
  readonly pageStatus: number;
  /** Where Sage sent the browser (the callback with `code`/`error`), or null when the page refused. */
  readonly location: string | null;
}

/**
 * Does over HTTP what a browser does on the simulator's authorize page: opens
 * it, reads the form and submits the user's decision. For tests that need a
 * code without a browser; the browser test covers the page itself.
 */
export async function completeSageConsent(options: ConsentOptions): Promise<ConsentResult> {
  const page = await request(options.authorizeUrl, { method: 'GET' });
  const html = await page.body.text();
  if (page.statusCode !== 200) return { pageStatus: page.statusCode, location: (page.headers.location as string | undefined) ?? null };
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1];
  if (requestId === undefined) throw new Error('the authorize page has no request_id field');
  const origin = new URL(options.authorizeUrl).origin;
  const form = new URLSearchParams({ request_id: requestId, user_id: options.userId, decision: options.decision ?? 'allow' });
  const decided = await request(`${origin}/oauth2/auth/central`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  await decided.body.text();
  return { pageStatus: page.statusCode, location: (decided.headers.location as string | undefined) ?? null };
}
