import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InboundHandler } from '@byte8/client';

/** A real HTTP host in front of the connector's inbound handler, mounted under `/rest` like an adapter would. */
export async function startHostServer(handle: InboundHandler): Promise<{ readonly url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://host');
    if (!url.pathname.startsWith('/rest/')) {
      res.writeHead(404).end();
      return;
    }
    const reply = await handle({
      method: req.method ?? 'GET',
      path: url.pathname.slice('/rest'.length),
      headers: req.headers,
      rawBody: Buffer.concat(chunks),
      secure: false,
      remoteAddress: req.socket.remoteAddress ?? '',
    });
    res.writeHead(reply.status, reply.headers).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
