import type { IncomingMessage } from 'node:http';

/** What a route decided; the server writes it (or drops the connection) and records it. */
export type RouteReply =
  | {
      readonly kind: 'reply';
      readonly status: number;
      /** Sent as JSON. */
      readonly body?: unknown;
      /** Sent as it is (with its content type in `headers`), in place of `body`. */
      readonly text?: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'drop' };

export const reply = (status: number, body?: unknown, headers?: Readonly<Record<string, string>>): RouteReply => ({
  kind: 'reply',
  status,
  ...(body === undefined ? {} : { body }),
  ...(headers === undefined ? {} : { headers }),
});

export const refuse = (status: number, error: string): RouteReply => reply(status, { error });

/** An HTML page for a person; framable, since a store's admin embeds the tenant view. */
export const page = (status: number, html: string): RouteReply => ({
  kind: 'reply',
  status,
  text: html,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
  },
});

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request body as UTF-8; rejects bodies over 1 MiB. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Flattens Node's header object to lower-cased single strings. */
export function flatHeaders(headers: IncomingMessage['headers'] | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(headers: Readonly<Record<string, string>>): string | null {
  const value = headers.authorization ?? '';
  return /^bearer /i.test(value) ? value.slice(7).trim() : null;
}

/** Parses JSON, or returns undefined. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
