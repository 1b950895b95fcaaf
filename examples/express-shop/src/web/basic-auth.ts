import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The demo's admin login: HTTP basic auth with one user. A real shop passes
 * its own admin session middleware as `admin.auth` instead.
 */
export function basicAuth(user: string, password: string, realm = 'Byte8 demo admin'): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    // Both halves are always compared, so timing does not tell which one was wrong.
    const userOk = same(decoded.slice(0, Math.max(colon, 0)), user);
    const passwordOk = same(decoded.slice(colon + 1), password);
    if (colon > 0 && userOk && passwordOk) return next();
    res.set('WWW-Authenticate', `Basic realm="${realm}", charset="UTF-8"`).status(401).type('text').send('Login required.');
  };
}
