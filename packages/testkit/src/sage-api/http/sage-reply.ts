/**
 * What a simulator route decided. `send` is written as is; `drop` destroys the
 * socket without an answer; `hang` never answers (until the client gives up or
 * the simulator stops).
 */
export type SageReply =
  | { readonly kind: 'send'; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  | { readonly kind: 'drop' }
  | { readonly kind: 'hang' };

export function jsonReply(status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): SageReply {
  return { kind: 'send', status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

export function htmlReply(status: number, markup: string): SageReply {
  return { kind: 'send', status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: markup };
}

export function redirectReply(location: string): SageReply {
  return { kind: 'send', status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
}

export function emptyReply(status: number): SageReply {
  return { kind: 'send', status, headers: {}, body: '' };
}
