import type { ServerResponse } from 'node:http';
import type { SageReply } from './sage-reply.js';

/** Writes a reply; `drop` destroys the socket, `hang` leaves the request open for good. */
export function writeReply(res: ServerResponse, reply: SageReply): void {
  if (reply.kind === 'drop') {
    res.socket?.destroy();
    return;
  }
  if (reply.kind === 'hang') return;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
}
