/** A cookie-keeping HTTP client for the admin pages, as a browser would be (redirects not followed). */
export interface AdminClient {
  readonly jar: Map<string, string>;
  call(path: string, init?: RequestInit): Promise<{ res: Response; text: string }>;
  post(path: string, form: Record<string, string>): Promise<{ res: Response; text: string }>;
  /** Follows a `Location` (absolute, or relative to the admin's origin) with the jar. */
  follow(res: Response): Promise<{ res: Response; text: string }>;
}

export function adminClient(base: string, headers: Record<string, string>): AdminClient {
  const jar = new Map<string, string>();
  const origin = new URL(base).origin;
  const request = async (url: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', ...init, headers: { ...headers, cookie, ...(init.headers ?? {}) } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [k, v] = pair!.split('=');
      if (/Max-Age=0/.test(line)) jar.delete(k!);
      else jar.set(k!, v!);
    }
    return { res, text: await res.text() };
  };
  return {
    jar,
    call: (path, init) => request(base + path, init),
    post: (path, form) =>
      request(base + path, { method: 'POST', body: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    follow: (res) => request(new URL(res.headers.get('location')!, origin).toString()),
  };
}
